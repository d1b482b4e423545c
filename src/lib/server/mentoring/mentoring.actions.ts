import { error, fail } from '@sveltejs/kit';
import { DomainError } from '../errors.js';
import { MentoringFieldErrors } from './mentoring.service.js';

/**
 * A refusal from the mentoring service, as the page shows it: field errors beside their
 * fields, other refusals at the top of the form (`action` names which form), not-found as 404.
 */
export function failMentoring(e: unknown, action: string, values: Record<string, unknown>) {
	if (e instanceof MentoringFieldErrors) return fail(400, { action, values, errors: e.fields as Record<string, string[] | undefined> });
	if (e instanceof DomainError) {
		if (e.status === 404) error(404, 'Not found');
		return fail(e.status, { action, values, errors: { _form: [e.code] } as Record<string, string[] | undefined> });
	}
	throw e;
}

export const formValues = (form: FormData): Record<string, string> =>
	Object.fromEntries([...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
