import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { idParam, orNotFound, readForm } from '$lib/server/http';
import { getJuryHome } from '$lib/server/scoring/jury-sheet.service';
import { listJurorSessions } from '$lib/server/live/live.service';
import { importOfflineSheet } from '$lib/server/scoring/offline-sheet.service';
import { OFFLINE_SHEET_MAX_BYTES } from '$lib/server/scoring/offline-sheet';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'jury.score');
	const [home, sessions] = await Promise.all([getJuryHome(db(), user), listJurorSessions(db(), user)]);
	return { ...home, sessions };
};

export const actions: Actions = {
	/** The offline sheet back: every row checked; the report says what was taken and refused. */
	upload: async ({ locals, url, request }) => {
		const user = requirePermission(locals, url, 'jury.score');
		const length = Number(request.headers.get('content-length') ?? 0);
		if (length > OFFLINE_SHEET_MAX_BYTES + 64 * 1024) return fail(413, { upload: { roundId: null, fileRefused: 'file_too_large' } });
		const form = await readForm(request);
		const roundIdText = form.get('roundId');
		const roundId = idParam(typeof roundIdText === 'string' ? roundIdText : undefined);
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { upload: { roundId, fileRefused: 'file_required' } });
		if (file.size > OFFLINE_SHEET_MAX_BYTES) return fail(413, { upload: { roundId, fileRefused: 'file_too_large' } });
		const report = await orNotFound(
			importOfflineSheet(db(), user, roundId, { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name })
		);
		if (report.fileRefused) return fail(400, { upload: { roundId, ...report } });
		return { upload: { roundId, ...report } };
	}
};
