/**
 * Each person's e-mail settings: per mail group, immediately, in the daily digest, or only in
 * the portal. The settings page reads and writes them; the unsubscribe link in every e-mail
 * turns one group off without signing in (the signed token is the proof).
 */
import type { Database } from '../db/index.js';
import { can, type Actor } from '../auth/policy.js';
import { notFound } from '../errors.js';
import { recordAudit } from '../audit/audit.queries.js';
import { GROUP_DEFAULTS, MAIL_DELIVERIES, MAIL_GROUPS, type MailDelivery, type MailGroup } from './kinds.js';
import type { MailPreferencesInput } from './preferences.schema.js';
import { applyUnsubscribe, verifyUnsubscribeToken, type UnsubscribeTarget } from './unsubscribe.js';
import * as q from './preferences.queries.js';

export type MailPreference = { group: MailGroup; delivery: MailDelivery; defaultDelivery: MailDelivery };

const isDelivery = (value: string): value is MailDelivery => (MAIL_DELIVERIES as readonly string[]).includes(value);

/** Every group with the choice that applies: the stored one, else the group's default. */
export function effectivePreferences(rows: ReadonlyArray<{ kindGroup: string; delivery: string }>): MailPreference[] {
	const stored = new Map(rows.map((r) => [r.kindGroup, r.delivery]));
	return MAIL_GROUPS.map((group) => {
		const value = stored.get(group);
		return { group, delivery: value && isDelivery(value) ? value : GROUP_DEFAULTS[group], defaultDelivery: GROUP_DEFAULTS[group] };
	});
}

/** The person's own settings, every group with its effective choice and its default. One statement. */
export async function getMailPreferences(db: Database, actor: Actor): Promise<MailPreference[]> {
	if (!can(actor, 'mail.preferences')) throw notFound();
	return effectivePreferences(await q.listMailPreferences(db, actor.id));
}

/**
 * Saves the person's choices (a group on its default keeps no row) and audits what changed.
 * Returns the groups whose choice changed. Two statements, the audit line only on a change.
 */
export async function saveMailPreferences(db: Database, actor: Actor, input: MailPreferencesInput): Promise<{ changed: MailGroup[] }> {
	if (!can(actor, 'mail.preferences')) throw notFound();
	const custom = MAIL_GROUPS.filter((g) => input[g] !== GROUP_DEFAULTS[g]).map((group) => ({ group, delivery: input[group] }));
	const asDefault = MAIL_GROUPS.filter((g) => input[g] === GROUP_DEFAULTS[g]);
	return db.transaction().execute(async (trx) => {
		const before = effectivePreferences(await q.replaceMailPreferences(trx, actor.id, { custom, asDefault }));
		const changed = before.filter((p) => p.delivery !== input[p.group]);
		if (changed.length) {
			await recordAudit(trx, {
				actorId: actor.id,
				action: 'mail.preferences',
				objectType: 'user',
				objectId: actor.id,
				// a list, not keyed by group: stored keys come back camelCased
				data: { changed: changed.map((p) => ({ group: p.group, from: p.delivery, to: input[p.group] })) }
			});
		}
		return { changed: changed.map((p) => p.group) };
	});
}

/** What an unsubscribe link is about; a link that is not ours (tampered, made up) is not found. */
export function readUnsubscribeLink(secret: string, token: string): UnsubscribeTarget {
	const target = verifyUnsubscribeToken(secret, token);
	if (!target) throw notFound();
	return target;
}

/**
 * Applies an unsubscribe link: the group goes to "only in the portal" (the digest's link: every
 * group now on the digest), audited as the person's own act, whether they clicked the page's
 * button or their mail program sent the one-click request (RFC 8058).
 */
export async function unsubscribeByLink(
	db: Database,
	secret: string,
	token: string,
	options: { oneClick: boolean }
): Promise<UnsubscribeTarget> {
	const target = readUnsubscribeLink(secret, token);
	try {
		await db.transaction().execute(async (trx) => {
			await applyUnsubscribe(trx, target.userId, target.group);
			await recordAudit(trx, {
				actorId: target.userId,
				action: 'mail.unsubscribe',
				objectType: 'user',
				objectId: target.userId,
				data: { group: target.group, oneClick: options.oneClick }
			});
		});
	} catch (e) {
		// A signed link of a person who is no longer in the database (the audit line names them).
		if ((e as { code?: string })?.code === '23503') throw notFound();
		throw e;
	}
	return target;
}
