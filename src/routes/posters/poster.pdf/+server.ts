import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { download, orNotFound, parseForm, readForm } from '$lib/server/http';
import { posterFormSchema } from '$lib/server/posters/posters.schema';
import { buildPosterPdf } from '$lib/server/posters/posters.service';
import { posterOrigin } from '../origin';

/** The posters as one A4 PDF, one page per place (posted from the preview, so 50 places fit). */
export const POST: RequestHandler = async ({ locals, url, request }) => {
	const user = requirePermission(locals, url, 'idea.create');
	const parsed = parseForm(posterFormSchema, await readForm(request));
	if (!parsed.ok) error(400, 'Check the department and the places.');
	const { bytes, fileName } = await orNotFound(buildPosterPdf(db(), user, posterOrigin(url), parsed.data));
	return download(bytes, fileName, 'application/pdf');
};
