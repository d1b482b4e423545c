import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { download, orNotFound, parseForm } from '$lib/server/http';
import { posterPngSchema } from '$lib/server/posters/posters.schema';
import { buildPosterPng } from '$lib/server/posters/posters.service';
import { posterOrigin } from '../origin';

/** One place's QR code (`?departmentId=<id>&place=<…>`); `?download=1` saves it as a file, else it shows (the preview). */
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'idea.create');
	const parsed = parseForm(posterPngSchema, url.searchParams);
	if (!parsed.ok) error(400, 'Check the department and the place.');
	const { bytes, fileName } = await orNotFound(buildPosterPng(db(), user, posterOrigin(url), parsed.data));
	const response = download(new Uint8Array(bytes), fileName, 'image/png');
	if (!url.searchParams.has('download')) response.headers.set('content-disposition', 'inline');
	return response;
};
