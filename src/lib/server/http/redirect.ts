import { z } from 'zod';
import { isLocalPath } from '../../domain/local-path.js';

/** A redirect target from a form or a query: a path on this site (domain/local-path.ts), anything else is the home page. */
export const localPath = z.string().refine(isLocalPath).catch('/');
