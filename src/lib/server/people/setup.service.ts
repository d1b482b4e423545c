/**
 * The first start on an empty database (the demo off): while no administrator is active,
 * each start of the server makes a new one-time setup link (as Gitea and Grafana do) and
 * prints it in the server log. Whoever opens it names the company's top department and its
 * first administrator; both are created in one transaction, the link is used up, and the
 * new administrator goes on from there (import people, configure company sign-in). The
 * command `npm run org:setup` does the same for scripted installs.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database } from '../db/index.js';
import { DomainError, FieldErrors, notFound } from '../errors.js';
import { recordAudit } from '../audit/audit.queries.js';
import { createPerson, type ChangeContext } from './people.service.js';
import type { SetupInput } from './setup.schema.js';
import * as q from './setup.queries.js';

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * While no administrator is active, a new setup token replaces the last one (only its hash is
 * kept) and is returned; once there is one, any leftover token is removed and null returned.
 * The server's start uses prepareFirstStartShared, which keeps a link made moments ago.
 */
export async function prepareFirstStart(db: Database): Promise<{ token: string } | null> {
	const made = await prepareFirstStartShared(db, 0);
	return made && 'token' in made ? made : null;
}

/** How long a setup link counts as this start's, for instances that start together. */
export const SETUP_LINK_SHARED_MS = 2 * 60 * 1000;

/**
 * prepareFirstStart for instances that start together on one database: the first makes the
 * link and prints it; one that starts within `sharedMs` of that keeps it (replacing it would
 * make the first one's printed link useless) and says where the link is. The runtime calls
 * it under its start-up lock, so the instances take turns.
 */
export async function prepareFirstStartShared(
	db: Database,
	sharedMs = SETUP_LINK_SHARED_MS
): Promise<{ token: string } | { madeElsewhere: true } | null> {
	return db.transaction().execute(async (trx) => {
		await q.lockSetup(trx);
		if ((await q.countActiveAdmins(trx)) > 0) {
			await q.deleteSetupToken(trx);
			return null;
		}
		if (await q.setupTokenMadeWithin(trx, sharedMs)) return { madeElsewhere: true as const };
		const token = randomBytes(32).toString('base64url');
		await q.saveSetupTokenHash(trx, hashToken(token));
		return { token };
	});
}

function sameHash(stored: string | null, token: string): boolean {
	if (!stored || !TOKEN_PATTERN.test(token)) return false;
	const a = Buffer.from(stored, 'hex');
	const b = Buffer.from(hashToken(token), 'hex');
	return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether this is the current setup link (a wrong, old or used one is not). One statement. */
export async function isSetupLinkValid(db: Database, token: string): Promise<boolean> {
	if (!TOKEN_PATTERN.test(token)) return false;
	return sameHash(await q.findSetupTokenHash(db), token);
}

/**
 * Sets the portal up: the top department (or the one already there with that code), the first
 * administrator (created through the people service, or an active person already there with
 * that e-mail), the admin role; audited; the setup link used up. Through the link, a wrong or
 * used token is "not found"; through the command, an active administrator is refused with
 * `already_set_up` and nothing changes.
 */
export async function completeSetup(
	db: Database,
	input: SetupInput,
	how: { token: string } | { command: true }
): Promise<{ userId: number; departmentId: number; createdPerson: boolean; createdDepartment: boolean }> {
	const via: ChangeContext['via'] = 'setup';
	return db.transaction().execute(async (trx) => {
		await q.lockSetup(trx);
		if ('token' in how && !sameHash(await q.findSetupTokenHash(trx, true), how.token)) throw notFound();
		if ((await q.countActiveAdmins(trx)) > 0) {
			if ('token' in how) throw notFound();
			throw new DomainError('already_set_up', 'The portal already has an administrator.', 409);
		}

		const existingDepartment = await q.findDepartmentByCode(trx, input.departmentCode);
		if (existingDepartment?.retiredAt) throw new FieldErrors({ departmentCode: ['department_retired'] });
		const departmentId =
			existingDepartment?.id ??
			(
				await q.insertTopDepartment(trx, {
					code: input.departmentCode,
					name: input.departmentName,
					nameNl: input.departmentNameNl
				})
			).id;

		const existingPerson = await q.findPersonByEmail(trx, input.email);
		if (existingPerson?.disabledAt) throw new FieldErrors({ email: ['email_disabled'] });
		const userId =
			existingPerson?.id ??
			(
				await createPerson(
					trx,
					{
						name: input.name,
						email: input.email,
						employeeNumber: input.employeeNumber,
						departmentId,
						managerId: null,
						jobLevel: 'engineer',
						educationLevel: null,
						jobTitle: null,
						locale: 'en',
						externalId: null
					},
					{ actorId: null, via }
				)
			).id;

		await q.grantAdmin(trx, userId);
		if (!existingDepartment) {
			await recordAudit(trx, {
				actorId: userId,
				action: 'department.created',
				objectType: 'department',
				objectId: departmentId,
				data: { via, code: input.departmentCode, name: input.departmentName, nameNl: input.departmentNameNl }
			});
		}
		await recordAudit(trx, {
			actorId: userId,
			action: 'role.granted',
			objectType: 'user',
			objectId: userId,
			data: { role: 'admin', via, through: 'token' in how ? 'setup_link' : 'command' }
		});
		await q.deleteSetupToken(trx);
		return { userId, departmentId, createdPerson: !existingPerson, createdDepartment: !existingDepartment };
	});
}
