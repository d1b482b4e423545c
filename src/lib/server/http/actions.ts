import { error, fail, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { requirePermission, requireUser } from '../auth/guards.js';
import type { PortalAction } from '../auth/policy.js';
import { DomainError, FieldErrors, type FieldErrorMap } from '../errors.js';
import { parseForm, type ParsedForm } from './parse.js';
import { formValues, type FormValues } from '../../forms/values.js';
import { readForm } from './body.js';

/**
 * The action kit: how every form action and load in `src/routes` talks to a service.
 *
 *   export const actions = {
 *     close: (event) => formAction(event, {
 *       access: 'competition.manage', action: 'close', schema: closeSchema,
 *       run: (input, user) => closeRound(db(), user, idParam(event.params.roundId), input)
 *     })
 *   };
 *
 * A failure always has one shape, `{ action?, values, errors }`: the field errors (`_form`
 * for the whole form) and what the person typed, so nothing is lost; `action` names the form
 * on a page with several (`$lib/forms/action-result.ts` reads it).
 */

/** The person asking, as hooks.server.ts put them in locals. */
type SessionUser = NonNullable<App.Locals['user']>;

export type FailPayload<V = FormValues> = { action?: string; values: V; errors: FieldErrorMap };

/** Who may post: a portal permission, or anyone signed in (per-object rights are the service's). */
export type Access = PortalAction | 'signedIn';

/** A zod schema, or a parser of its own for forms zod cannot read alone (rows of criteria). */
export type FormParser<T> = z.ZodType<T> | ((form: FormData) => ParsedForm<T>);

export function requireAccess(event: Pick<RequestEvent, 'locals' | 'url'>, access: Access): SessionUser {
	return access === 'signedIn' ? requireUser(event.locals, event.url) : requirePermission(event.locals, event.url, access);
}

/**
 * A refusal from a service as the page shows it: field errors beside their fields, other
 * refusals at the top of the form, "not found" as the 404 page. Anything else is a bug: rethrown.
 */
export function failFrom<V>(e: unknown, values: V, action?: string): ActionFailure<FailPayload<V>> {
	if (e instanceof FieldErrors) return fail(400, withAction({ values, errors: e.fields }, action));
	if (e instanceof DomainError) {
		if (e.status === 404) error(404, 'Not found');
		return fail(e.status, withAction({ values, errors: { _form: [e.code] } }, action));
	}
	throw e;
}

/** A form that was refused before any service saw it. */
export function failForm<V>(errors: FieldErrorMap, values: V, action?: string, status = 400): ActionFailure<FailPayload<V>> {
	return fail(status, withAction({ values, errors }, action));
}

function withAction<V>(payload: FailPayload<V>, action: string | undefined): FailPayload<V> {
	return action ? { action, ...payload } : payload;
}

/**
 * One form action: who is asking, the body read safely, the form parsed, one service call.
 * `run` returns what the page gets on success (or redirects); a `DomainError` becomes the
 * failure payload. `values` replaces the plain typed values where a form has a richer shape.
 */
export async function formAction<T, R, V = FormValues>(
	event: RequestEvent,
	spec: {
		access: Access;
		action?: string;
		schema: FormParser<T>;
		values?: (form: FormData) => V;
		run: (input: T, user: SessionUser, form: FormData) => Promise<R> | R;
	}
): Promise<R | ActionFailure<FailPayload<V>>> {
	const user = requireAccess(event, spec.access);
	const form = await readForm(event.request);
	const values = spec.values ? spec.values(form) : (formValues(form) as V);
	const parsed = typeof spec.schema === 'function' ? spec.schema(form) : parseForm(spec.schema, form);
	if (!parsed.ok) return failForm(parsed.errors, values, spec.action);
	try {
		return await spec.run(parsed.data, user, form);
	} catch (e) {
		return failFrom(e, values, spec.action);
	}
}

/** For loads and endpoints: a service's "not found" is the 404 page; anything else goes on. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
	try {
		return await work;
	} catch (e) {
		if (e instanceof DomainError && e.status === 404) error(404, 'Not found');
		throw e;
	}
}
