/**
 * The words every layer shares for "no": a `DomainError` names the rule that said no (its
 * `code` is also the message key), `FieldErrors` carries refusals beside the form's fields.
 * Nothing was changed when either is thrown. Routes turn them into `fail`/`error` through
 * the action kit (`$lib/server/http`).
 */

/** Messages per field, as zod's `flattenError` gives them; `_form` is for the whole form. */
export type FieldErrorMap = Record<string, string[] | undefined>;

export class DomainError extends Error {
	constructor(
		readonly code: string,
		message: string,
		readonly status: 400 | 403 | 404 | 409 | 413 | 415 = 400
	) {
		super(message);
	}
}

/** Validation that needs the database, reported beside the fields like zod's. */
export class FieldErrors extends DomainError {
	constructor(readonly fields: FieldErrorMap) {
		super('invalid', 'Please check the form.', 400);
	}
}

export const notFound = () => new DomainError('not_found', 'Not found', 404);
