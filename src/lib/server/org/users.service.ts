import type { Database } from '../db/index.js';
import { can, type Actor, type GrantableRole, type LeaderFacts, type Role } from '../auth/policy.js';
import { DomainError, notFound } from '../errors.js';
import { recordAudit } from '../audit/audit.queries.js';
import * as q from './users.queries.js';

export type SessionUser = Actor & {
	email: string;
	name: string;
	departmentName: string;
	jobLevel: string;
	jobTitle: string | null;
	locale: string;
	/** team leader and management-team seats, read with the session (canEnterOnBehalf, canMakePosters) */
	leader: LeaderFacts;
};

export function rolesOf(row: { grants: string[] | null; isMentor: unknown; isJuror: unknown }): Role[] {
	const roles: Role[] = ['employee'];
	if (row.isMentor) roles.push('mentor');
	if (row.isJuror) roles.push('juror');
	for (const g of row.grants ?? []) if (g === 'organiser' || g === 'admin') roles.push(g);
	return roles;
}

/** The person as a request knows them, from a row of `findSessionUser(ByToken)`. */
export function sessionUserFromRow(row: NonNullable<Awaited<ReturnType<typeof q.findSessionUser>>>): SessionUser {
	return {
		id: row.id,
		email: row.email,
		name: row.name,
		departmentId: row.departmentId,
		departmentName: row.departmentName,
		jobLevel: row.jobLevel,
		jobTitle: row.jobTitle,
		locale: row.locale,
		roles: rolesOf(row),
		leader: { leadsTeam: Boolean(row.leadsTeam), managedDepartmentIds: (row.managedDepartmentIds ?? []).map(Number) }
	};
}

/** An active person by id (sign-in), or null for someone unknown or disabled. */
export async function loadSessionUser(db: Database, userId: number): Promise<SessionUser | null> {
	const row = await q.findSessionUser(db, userId);
	if (!row || row.disabledAt) return null;
	return sessionUserFromRow(row);
}

export async function listPeople(db: Database, actor: Actor, filter: q.UserListFilter) {
	if (!can(actor, 'admin.users')) throw notFound();
	const rows = await q.listUsers(db, filter);
	return {
		total: rows[0]?.total ?? 0,
		people: rows.map(({ total: _t, grants, isMentor, isJuror, ...p }) => ({ ...p, roles: rolesOf({ grants, isMentor, isJuror }) }))
	};
}

export function listDepartments(db: Database) {
	return q.listDepartments(db);
}

/** Grant or revoke a portal role. The last active admin cannot lose the role. Audited. */
export async function changeRole(db: Database, actor: Actor, userId: number, role: GrantableRole, granted: boolean) {
	if (!can(actor, 'admin.users')) throw notFound();
	await db.transaction().execute(async (trx) => {
		const target = await q.findSessionUser(trx, userId);
		if (!target) throw notFound();
		if (granted) {
			const row = await q.grantRole(trx, userId, role, actor.id);
			if (!row) return;
		} else {
			if (role === 'admin' && (await q.countAdmins(trx)).n <= 1 && (target.grants ?? []).includes('admin')) {
				throw new DomainError('last_admin', 'The last admin cannot lose the admin role.', 409);
			}
			const row = await q.revokeRole(trx, userId, role);
			if (!row) return;
		}
		await recordAudit(trx, {
			actorId: actor.id,
			action: granted ? 'role.granted' : 'role.revoked',
			objectType: 'user',
			objectId: userId,
			data: { role }
		});
	});
}

/** Remembered for what the portal sends the person (e-mail), not only the page. */
export async function setUserLocale(db: Database, userId: number, locale: 'en' | 'nl') {
	await q.updateUserLocale(db, userId, locale);
}

/** The demo sign-in page: featured personas first (one per role), then everyone by department. */
export async function listDemoSignIn(db: Database, featured: ReadonlyArray<{ role: Role; email: string }>) {
	const rows = await q.listSignInPeople(db);
	const people = rows.map(({ grants, isMentor, isJuror, ...p }) => ({ ...p, roles: rolesOf({ grants, isMentor, isJuror }) }));
	const byEmail = new Map(people.map((p) => [p.email, p]));
	const personas = featured.flatMap((f) => {
		const person = byEmail.get(f.email);
		return person ? [{ ...person, persona: f.role }] : [];
	});
	return { personas, people };
}
