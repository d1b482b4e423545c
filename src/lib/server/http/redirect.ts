import { z } from 'zod';

/** A redirect target that stays on this site: a path, never `//host` or a backslash trick; anything else is the home page. */
export const localPath = z
	.string()
	.max(2000)
	.regex(/^\/(?!\/)[^\\\0]*$/)
	.catch('/');
