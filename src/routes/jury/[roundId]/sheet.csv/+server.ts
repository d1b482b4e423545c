import type { RequestHandler } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { ideaIdParam } from '$lib/server/ideas/ideas.actions';
import { offlineSheetResponse } from '$lib/server/scoring/scoring.http';

/** The juror's own queue as a CSV scoring sheet (only their own scores). */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'jury.score');
	return offlineSheetResponse(db(), user, ideaIdParam(params.roundId), 'csv');
};
