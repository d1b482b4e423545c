import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../db/index.js';
import { notFound } from '../errors.js';
import { recordAudit } from '../audit/audit.queries.js';
import { can, type Actor } from '../auth/policy.js';
import { loadSessionUser, sessionUserFromRow, type SessionUser } from './users.service.js';
import * as q from './sessions.queries.js';

export const SESSION_HOURS = 12;

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Starts a session for an active person: a random token for the cookie, its hash in the
 * database. Null for someone unknown or disabled, so nothing is started.
 */
export async function startSession(db: Database, userId: number): Promise<{ token: string; expiresAt: Date; user: SessionUser } | null> {
	const user = await loadSessionUser(db, userId);
	if (!user) return null;
	const token = randomBytes(32).toString('base64url');
	const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
	await q.insertSession(db, { tokenHash: hashToken(token), userId, expiresAt });
	return { token, expiresAt, user };
}

export type RequestSession = { user: SessionUser; unread: number };

/**
 * Who holds this token now, and their unread notifications (the header's bell): one query;
 * an ended or expired session, or a disabled person, is nobody.
 */
export async function requestSessionOf(db: Database, token: string | undefined): Promise<RequestSession | null> {
	if (!token || !TOKEN_PATTERN.test(token)) return null;
	const row = await q.findRequestSession(db, hashToken(token));
	if (!row) return null;
	const { unread, ...person } = row;
	return { user: sessionUserFromRow(person), unread: unread ?? 0 };
}

/** Who holds this token now (the person alone). */
export async function sessionUserOf(db: Database, token: string | undefined): Promise<SessionUser | null> {
	return (await requestSessionOf(db, token))?.user ?? null;
}

/** Signing out: this session ends on the server, whatever the browser keeps. */
export async function endSession(db: Database, token: string | undefined): Promise<void> {
	if (token && TOKEN_PATTERN.test(token)) await q.deleteSession(db, hashToken(token));
}

/** "Sign out everywhere": a person for themselves, an administrator for anyone (audited). */
export async function endAllSessions(db: Database, actor: Actor, userId: number): Promise<{ ended: number }> {
	if (actor.id !== userId && !can(actor, 'admin.users')) throw notFound();
	return db.transaction().execute(async (trx) => {
		const ended = await q.deleteSessionsOf(trx, userId);
		await recordAudit(trx, { actorId: actor.id, action: 'user.sessions_ended', objectType: 'user', objectId: userId, data: { ended } });
		return { ended };
	});
}

export type SignInLimits = { perAddress: number; perAccount: number; windowSeconds: number };

/**
 * Counts a sign-in attempt against the address it comes from and, where known, the account
 * it names. Over either limit: refused, with the seconds until the oldest attempt in the
 * window leaves it. Kept in the database, so the limit holds across server instances.
 */
export async function admitSignIn(
	db: Database,
	who: { address: string; account?: string | number | null },
	limits: SignInLimits
): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
	const keys = [`address:${who.address.slice(0, 200)}`];
	if (who.account != null && who.account !== '') keys.push(`account:${String(who.account).slice(0, 200)}`);
	const counts = await db.transaction().execute(async (trx) => {
		await q.lockAttemptKeys(trx, keys);
		return q.recordAttempts(trx, keys, limits.windowSeconds);
	});
	if (Math.random() < 0.01) await q.deleteOldAttempts(db, limits.windowSeconds);
	let retryAfterSeconds = 0;
	for (const row of counts) {
		const limit = row.key.startsWith('address:') ? limits.perAddress : limits.perAccount;
		if (row.attempts > limit) {
			const leaves = new Date(row.oldest).getTime() + limits.windowSeconds * 1000;
			retryAfterSeconds = Math.max(retryAfterSeconds, Math.ceil((leaves - Date.now()) / 1000), 1);
		}
	}
	return retryAfterSeconds > 0 ? { ok: false, retryAfterSeconds } : { ok: true };
}
