import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { formAction, type FormParser } from '$lib/server/http';
import { formValues } from '$lib/forms/values';
import type { SessionUser } from '$lib/server/org/users.service';
import { addMentorSchema, assignSchema, endMentorSchema, mentorStatusSchema, preferSchema } from '$lib/server/mentoring/mentoring.schema';
import { addMentor, setMentorAvailability } from '$lib/server/mentoring/mentor-profiles.service';
import { assignMentor, endMentorship } from '$lib/server/mentoring/assignment.service';
import { getMentoringOverview, setPreferOtherDepartment } from '$lib/server/mentoring/suggestions.service';

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
const manage = <T>(event: RequestEvent, action: string, schema: FormParser<T>, run: (user: SessionUser, input: T) => Promise<unknown>) =>
	formAction(event, {
		access: 'mentoring.manage',
		action,
		schema,
		run: async (input, user, form) => {
			await run(user, input);
			return { done: action, values: formValues(form) };
		}
	});

export const actions: Actions = {
	assign: (event) => manage(event, 'assign', assignSchema, (user, data) => assignMentor(db(), user, data)),
	availability: (event) => manage(event, 'availability', mentorStatusSchema, (user, data) => setMentorAvailability(db(), user, data)),
	addMentor: (event) => manage(event, 'addMentor', addMentorSchema, (user, data) => addMentor(db(), user, data)),
	prefer: (event) => manage(event, 'prefer', preferSchema, (user, data) => setPreferOtherDepartment(db(), user, data)),
	endMentor: (event) =>
		formAction(event, {
			access: 'mentoring.manage',
			action: 'endMentor',
			schema: endMentorSchema,
			run: async (input, user, form) => {
				const result = await endMentorship(db(), user, input);
				return { done: result.replacement ? 'replaced' : 'ended', values: formValues(form) };
			}
		})
};
