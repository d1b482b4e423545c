import type { RequestHandler } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { download, idParam, orNotFound } from '$lib/server/http';
import { exportOfflineSheet } from '$lib/server/scoring/offline-sheet.service';

/** The juror's own queue as a CSV scoring sheet (only their own scores). */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'jury.score');
	const file = await orNotFound(exportOfflineSheet(db(), user, idParam(params.roundId), 'csv'));
	return download(file.body, file.fileName, file.contentType);
};
