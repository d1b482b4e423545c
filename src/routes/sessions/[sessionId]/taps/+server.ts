import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db, runtimeEngine } from '$lib/server/runtime';
import { idParam, orNotFound } from '$lib/server/http';
import { sendTaps } from '$lib/server/live/live.service';
import { tapBatchSchema, MAX_TAPS_PER_BATCH } from '$lib/server/live/live.schema';

const MAX_BODY = 256 * 1024;

/**
 * A juror's queued taps as JSON: `{ taps: [{ clientId, seq, ideaId, criterionId, value }],
 * submits: [{ clientId, seq, ideaId }] }`. Answers which client ids are acknowledged (all of
 * them: applied, an old one superseded, a repeat, or refused with its reason) so the browser
 * drops them from its queue. A malformed batch is 400 with the reason; nothing is saved.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	if (!locals.user) error(401, 'Sign in again to send your scores.');
	const sessionId = idParam(params.sessionId);
	if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) error(415, 'This address expects JSON.');
	const length = Number(request.headers.get('content-length') ?? NaN);
	if (Number.isFinite(length) && length > MAX_BODY) error(413, `At most ${MAX_TAPS_PER_BATCH} taps at once.`);
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		error(400, 'The taps could not be read.');
	}
	const parsed = tapBatchSchema.safeParse(body);
	if (!parsed.success) return json({ error: 'invalid', issues: parsed.error.issues.map((i) => i.path.join('.')) }, { status: 400 });
	const { taps, submits } = parsed.data;
	const result = await orNotFound(
		sendTaps(
			db(),
			locals.user,
			sessionId,
			{
				taps: taps.map((t) => ({ clientId: t.clientId, deviceSeq: t.seq, ideaId: t.ideaId, criterionId: t.criterionId, value: t.value })),
				submits: submits.map((s) => s.ideaId)
			},
			{ oneConnection: runtimeEngine() === 'pglite' }
		)
	);
	const submitOutcome = new Map(result.submits.map((s) => [s.ideaId, s]));
	return json({
		acked: [...taps.map((t) => t.clientId), ...submits.map((s) => s.clientId)],
		taps: result.taps,
		submits: submits.map((s) => ({ clientId: s.clientId, ideaId: s.ideaId, ...submitOutcome.get(s.ideaId) })),
		roundStatus: result.roundStatus
	});
};
