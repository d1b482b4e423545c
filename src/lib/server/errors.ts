/**
 * A rule said no. `code` names the rule for the route (and the message catalogue); the
 * route maps it to a form error, a 404 or a 409. Nothing was changed.
 */
export class DomainError extends Error {
	constructor(
		readonly code: string,
		message: string,
		readonly status: 400 | 403 | 404 | 409 = 400
	) {
		super(message);
	}
}

export const notFound = () => new DomainError('not_found', 'Not found', 404);
