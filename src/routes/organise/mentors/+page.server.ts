import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { parseForm } from '$lib/server/forms/parse';
import { failMentoring, formValues } from '$lib/server/mentoring/mentoring.actions';
import { addMentorSchema, assignSchema, mentorStatusSchema, preferSchema } from '$lib/server/mentoring/mentoring.schema';
import {
	addMentor,
	assignMentor,
	getMentoringOverview,
	setMentorAvailability,
	setPreferOtherDepartment
} from '$lib/server/mentoring/mentoring.service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'mentoring.manage');
	const saved = Number(url.searchParams.get('assigned') ?? '');
	const skipped = Number(url.searchParams.get('skipped') ?? '');
	return {
		overview: await getMentoringOverview(db(), user),
		assignAllResult:
			Number.isInteger(saved) && url.searchParams.has('assigned')
				? { assigned: saved, skipped: Number.isInteger(skipped) ? skipped : 0 }
				: null
	};
};

/** Each action: organisers only, the form parsed, one service call, a refusal shown beside its form. */
async function act<S extends Parameters<typeof parseForm>[0]>(
	event: RequestEvent,
	action: string,
	schema: S,
	run: (user: NonNullable<App.Locals['user']>, data: import('zod').output<S>) => Promise<unknown>
) {
	const user = requirePermission(event.locals, event.url, 'mentoring.manage');
	const form = await event.request.formData();
	const parsed = parseForm(schema, form);
	if (!parsed.ok) return fail(400, { action, values: parsed.values, errors: parsed.errors });
	try {
		await run(user, parsed.data);
	} catch (e) {
		return failMentoring(e, action, formValues(form));
	}
	return { done: action, values: formValues(form) };
}

export const actions: Actions = {
	assign: (event) => act(event, 'assign', assignSchema, (user, data) => assignMentor(db(), user, data)),
	availability: (event) => act(event, 'availability', mentorStatusSchema, (user, data) => setMentorAvailability(db(), user, data)),
	addMentor: (event) => act(event, 'addMentor', addMentorSchema, (user, data) => addMentor(db(), user, data)),
	prefer: (event) => act(event, 'prefer', preferSchema, (user, data) => setPreferOtherDepartment(db(), user, data))
};
