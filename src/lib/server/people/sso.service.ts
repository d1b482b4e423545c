/**
 * Company sign-in (OpenID Connect) places a person by what their identity provider says:
 * the claims named in the configuration (OIDC_CLAIM_*) give the department, the manager, the
 * job level, the employee number, the education level and the language. A new person is
 * created in the department the claim names; someone known is updated from the claims present,
 * only where they differ, audited like any other change (via 'sso').
 */
import type { Database, Db } from '../db/index.js';
import { FieldErrors } from '../errors.js';
import { createPerson, updatePerson, type ChangeContext, type PersonRecord } from './people.service.js';
import * as q from './sso.queries.js';
import { mapEducationLevel, mapJobLevel, mapLocale, type SsoClaims } from './sso-claims.js';

export { readClaims, type SsoClaims } from './sso-claims.js';

export type SsoResult = { status: 'active'; userId: number; created: boolean } | { status: 'disabled'; userId: number };

/**
 * The departments a sign-in may place someone in: `named`, the one the claim names (code,
 * English or Dutch name, any case); `fallback`, for someone new when it names none we know:
 * the configured default, else the company's only top department.
 */
async function departmentsFor(
	db: Db,
	named: string | null,
	defaultCode: string
): Promise<{ named: number | null; fallback: number | null }> {
	const rows = await q.findDepartmentCandidates(db, named, defaultCode);
	const matches = (value: string | null) => {
		const v = value?.toLowerCase();
		return v ? rows.find((d) => d.code.toLowerCase() === v || d.name.toLowerCase() === v || d.nameNl?.toLowerCase() === v) : undefined;
	};
	const tops = rows.filter((d) => d.parentId === null);
	return { named: matches(named)?.id ?? null, fallback: (matches(defaultCode) ?? (tops.length === 1 ? tops[0] : undefined))?.id ?? null };
}

/**
 * Company sign-in: the person is found by employee number (when the claim carries one), else
 * by e-mail. Someone new is created; someone known is updated from the claims present. A
 * disabled person is reported as such (the sign-in shows them a page that says so) and left
 * unchanged. A claim the portal cannot use (an unknown manager, a manager loop, an e-mail that
 * is someone else's) is left out rather than refusing the sign-in; an unknown department or
 * job level keeps the person where they are.
 */
export async function resolveSsoUser(db: Database, claims: SsoClaims, options: { defaultDepartment: string }): Promise<SsoResult> {
	const ctx: ChangeContext = { actorId: null, via: 'sso' };
	return db.transaction().execute(async (trx) => {
		const found = await q.findSignInPerson(trx, { email: claims.email, employeeNumber: claims.employeeNumber });
		if (found?.disabledAt) return { status: 'disabled', userId: found.id };

		const departments = await departmentsFor(trx, claims.department, options.defaultDepartment);
		const managerId = claims.manager ? ((await q.findManager(trx, claims.manager))?.id ?? null) : null;
		const jobLevel = mapJobLevel(claims.jobLevel);
		const educationLevel = mapEducationLevel(claims.educationLevel);

		if (!found) {
			const departmentId = departments.named ?? departments.fallback;
			if (departmentId === null) {
				throw new Error(`No department to place ${claims.email} in: neither the claim nor DEFAULT_DEPARTMENT names one`);
			}
			const person: PersonRecord = {
				name: claims.name ?? claims.email,
				email: claims.email,
				employeeNumber: claims.employeeNumber,
				departmentId,
				managerId,
				jobLevel: jobLevel ?? 'engineer',
				educationLevel,
				jobTitle: null,
				locale: mapLocale(claims.locale) ?? 'en',
				externalId: null
			};
			const { id } = await withoutRefusedFields(['managerId', 'employeeNumber'], (drop) =>
				createPerson(
					trx,
					{
						...person,
						managerId: drop.has('managerId') ? null : managerId,
						employeeNumber: drop.has('employeeNumber') ? null : person.employeeNumber
					},
					ctx
				)
			);
			return { status: 'active', userId: id, created: true };
		}

		// Only what the identity provider says; the language a person chose in the portal stays theirs.
		const patch: Partial<PersonRecord> = { email: claims.email };
		if (claims.name) patch.name = claims.name;
		if (claims.employeeNumber) patch.employeeNumber = claims.employeeNumber;
		if (departments.named !== null) patch.departmentId = departments.named;
		if (claims.manager) patch.managerId = managerId;
		if (jobLevel) patch.jobLevel = jobLevel;
		if (educationLevel) patch.educationLevel = educationLevel;
		await withoutRefusedFields(['managerId', 'employeeNumber', 'email'], (drop) =>
			updatePerson(trx, found.id, Object.fromEntries(Object.entries(patch).filter(([f]) => !drop.has(f))), ctx)
		);
		return { status: 'active', userId: found.id, created: false };
	});
}

/**
 * Runs a write; when the people service refuses only fields that may be left out (a manager
 * loop, an employee number or e-mail held by someone else), once more without them. The
 * service refuses before it writes anything, so the transaction goes on.
 */
async function withoutRefusedFields<R>(droppable: readonly string[], write: (drop: ReadonlySet<string>) => Promise<R>): Promise<R> {
	try {
		return await write(new Set());
	} catch (e) {
		const refused = e instanceof FieldErrors ? Object.keys(e.fields) : [];
		if (!refused.length || !refused.every((f) => droppable.includes(f))) throw e;
		console.warn(
			`[sign-in] not taken from the identity provider: ${refused.join(', ')} (${Object.values((e as FieldErrors).fields)
				.flat()
				.join(', ')})`
		);
		return write(new Set(refused));
	}
}
