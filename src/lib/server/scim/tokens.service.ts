/**
 * SCIM tokens: administrators create one per identity provider connection and revoke it
 * when it leaks or the connection ends. The token is shown once; only its SHA-256 is kept,
 * so a copy of the database lets nobody provision. Created and revoked tokens are audited.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../db/index.js';
import { can, type Actor } from '../auth/policy.js';
import { notFound } from '../errors.js';
import { recordAudit } from '../audit/audit.queries.js';
import * as q from './scim.queries.js';

/** Tokens read `scim_` and 43 characters of base64url: 256 random bits. */
const TOKEN_PREFIX = 'scim_';

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

function authorise(actor: Actor) {
	if (!can(actor, 'admin.provisioning')) throw notFound();
}

export async function listTokens(db: Database, actor: Actor) {
	authorise(actor);
	return q.listTokens(db);
}

/** A new token; its text is returned here once and never again. Audited `scim_token.created`. */
export async function createToken(db: Database, actor: Actor, input: { name: string }) {
	authorise(actor);
	const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
	return db.transaction().execute(async (trx) => {
		const row = await q.insertToken(trx, { name: input.name, tokenHash: hashToken(token), createdBy: actor.id });
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'scim_token.created',
			objectType: 'scim_token',
			objectId: row.id,
			data: { name: row.name }
		});
		return { id: row.id, name: row.name, token };
	});
}

/** Revoke a token: the identity provider's next request is refused. Revoking twice changes nothing. Audited. */
export async function revokeToken(db: Database, actor: Actor, id: number) {
	authorise(actor);
	return db.transaction().execute(async (trx) => {
		const revoked = await q.revokeTokenRow(trx, id, actor.id);
		if (!revoked) {
			const token = await q.findToken(trx, id);
			if (!token) throw notFound();
			return { id, name: token.name, revoked: false };
		}
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'scim_token.revoked',
			objectType: 'scim_token',
			objectId: id,
			data: { name: revoked.name }
		});
		return { id, name: revoked.name, revoked: true };
	});
}

/**
 * The token a SCIM request carries (`Authorization: Bearer <token>`), if it is one we issued
 * and not revoked; null otherwise. Its last use is written at most once a minute.
 */
export async function authenticateToken(db: Database, authorization: string | null): Promise<{ tokenId: number } | null> {
	const m = /^Bearer\s+(\S{1,200})\s*$/i.exec(authorization ?? '');
	if (!m) return null;
	const row = await q.findTokenByHash(db, hashToken(m[1]));
	if (!row || row.revokedAt) return null;
	if (!row.lastUsedAt || Date.now() - new Date(row.lastUsedAt).getTime() > 60_000) await q.touchToken(db, row.id);
	return { tokenId: row.id };
}
