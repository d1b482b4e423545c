import { randomUUID } from 'node:crypto';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { db, runtimeEngine } from '$lib/server/runtime';
import { formAction, idParam, orNotFound } from '$lib/server/http';
import { DomainError } from '$lib/server/errors';
import { getLiveSession, moveLiveSession, sendTaps, type ChairMove } from '$lib/server/live/live.service';
import { chairFormSchema, submitFormSchema, tapFormSchema } from '$lib/server/live/live.schema';
import { nextDeviceSeq } from '$lib/server/live/device-seq';

/** The live session: the chair's screen, the juror's tablet, or both (a jury chair). Two statements. */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const page = await orNotFound(getLiveSession(db(), user, idParam(params.sessionId)));
	return {
		sessionId: page.state.session.id,
		view: page.view,
		criteria: page.criteria,
		mayChair: page.viewer.mayChair,
		userId: user.id,
		serverTime: Date.now(),
		tapped: url.searchParams.get('tapped')
	};
};

const chairMove = (move: ChairMove) => (event: Parameters<Actions[string]>[0]) =>
	formAction(event, {
		access: 'signedIn',
		action: move,
		schema: chairFormSchema,
		run: async (input, user) => {
			const sessionId = idParam(event.params.sessionId);
			await moveLiveSession(db(), user, sessionId, move, input.version);
			// The page is read again by its own request: the move's statements and the page's stay in their own budgets.
			redirect(303, `/sessions/${sessionId}`);
		}
	});

/** A refused tap or submit, as the page shows it at the top of the sheet. */
function refusal(reason: string | null) {
	return new DomainError(reason ?? 'live_refused', reason ?? 'refused', 409);
}

export const actions: Actions = {
	start: chairMove('start'),
	questions: chairMove('questions'),
	scoring: chairMove('scoring'),
	next: chairMove('next'),
	end: chairMove('end'),
	/** A value tapped without JavaScript: a plain form per button; back to the page. */
	tap: (event) =>
		formAction(event, {
			access: 'signedIn',
			action: 'tap',
			schema: tapFormSchema,
			run: async (input, user) => {
				const sessionId = idParam(event.params.sessionId);
				const result = await sendTaps(
					db(),
					user,
					sessionId,
					{
						taps: [{ clientId: randomUUID(), deviceSeq: nextDeviceSeq(), ...input }],
						submits: []
					},
					{ oneConnection: runtimeEngine() === 'pglite' }
				);
				const tap = result.taps[0];
				if (tap?.outcome === 'refused') throw refusal(tap.reason);
				redirect(303, `/sessions/${sessionId}?tapped=${input.criterionId}#criterion-${input.criterionId}`);
			}
		}),
	submit: (event) =>
		formAction(event, {
			access: 'signedIn',
			action: 'submit',
			schema: submitFormSchema,
			run: async (input, user) => {
				const sessionId = idParam(event.params.sessionId);
				const result = await sendTaps(
					db(),
					user,
					sessionId,
					{ taps: [], submits: [input.ideaId] },
					{ oneConnection: runtimeEngine() === 'pglite' }
				);
				const submit = result.submits[0];
				if (submit && !submit.submitted) throw refusal(submit.reason);
				redirect(303, `/sessions/${sessionId}?tapped=submitted`);
			}
		})
};
