/**
 * SCIM's way of saying no (RFC 7644 section 3.12): an HTTP status, a `scimType` for the 400s
 * and 409s a client can act on, and a detail for the people reading the identity provider's
 * provisioning log.
 */

export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

export type ScimType =
	| 'invalidFilter'
	| 'tooMany'
	| 'uniqueness'
	| 'mutability'
	| 'invalidSyntax'
	| 'invalidPath'
	| 'noTarget'
	| 'invalidValue'
	| 'invalidVers'
	| 'sensitive';

export class ScimError extends Error {
	constructor(
		readonly status: number,
		readonly scimType: ScimType | undefined,
		readonly detail: string
	) {
		super(detail);
	}
}

/** The error body: `status` is a string, as the RFC's examples write it. */
export function errorBody(status: number, detail: string, scimType?: ScimType) {
	return { schemas: [ERROR_SCHEMA], status: String(status), ...(scimType ? { scimType } : {}), detail };
}

export const invalidFilter = (detail: string) => new ScimError(400, 'invalidFilter', detail);
export const invalidValue = (detail: string) => new ScimError(400, 'invalidValue', detail);
export const invalidSyntax = (detail: string) => new ScimError(400, 'invalidSyntax', detail);
export const invalidPath = (detail: string) => new ScimError(400, 'invalidPath', detail);
export const noTarget = (detail: string) => new ScimError(400, 'noTarget', detail);
export const mutability = (detail: string, status = 400) => new ScimError(status, 'mutability', detail);
export const uniqueness = (detail: string) => new ScimError(409, 'uniqueness', detail);
export const resourceNotFound = (kind: string, id: string) => new ScimError(404, undefined, `${kind} ${id} not found`);
