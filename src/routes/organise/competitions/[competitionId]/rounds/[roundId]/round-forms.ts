import { actionErrors, actionValues } from '$lib/forms/action-result';

/**
 * The round page's forms read their last result here: each section shows the errors and
 * the typed values of its own form only (the page has ten forms, one action result).
 */
export function roundForms(form: object | null | undefined) {
	const valuesOf = (action: string) => actionValues(form, action);
	return {
		errorsOf: (action: string) => actionErrors(form, action),
		valuesOf,
		/** What was typed in this form when it failed, else the stored value as text. */
		val: (action: string, key: string, stored: string | number | null | undefined) =>
			valuesOf(action)?.[key] ?? (stored === null || stored === undefined ? '' : String(stored))
	};
}
