import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/index.js';
import { MAIL_GROUPS, type MailGroup } from './kinds.js';
import { turnGroupsOff } from './mail.queries.js';

/**
 * A one-click unsubscribe link needs no sign-in: the link itself is the proof. Its token is
 * `${userId}.${group}.${signature}`, the signature an HMAC-SHA256 (base64url) of
 * `unsubscribe:${userId}:${group}` under the portal's secret, so nobody can make a link for
 * another person or another group. `group` is a mail group, or 'digest': the daily digest's
 * link turns off every group that currently goes into the digest.
 *
 *   unsubscribeUrl('https://ideas.example', secret, 7, 'news')
 *     -> 'https://ideas.example/mail/unsubscribe/7.news.Xw3…'
 */
export type UnsubscribeGroup = MailGroup | 'digest';

export type UnsubscribeTarget = { userId: number; group: UnsubscribeGroup };

function isUnsubscribeGroup(value: string): value is UnsubscribeGroup {
	return value === 'digest' || (MAIL_GROUPS as readonly string[]).includes(value);
}

function sign(secret: string, userId: number, group: UnsubscribeGroup): string {
	return createHmac('sha256', secret).update(`unsubscribe:${userId}:${group}`).digest('base64url');
}

export function unsubscribeToken(secret: string, userId: number, group: UnsubscribeGroup): string {
	return `${userId}.${group}.${sign(secret, userId, group)}`;
}

export function unsubscribeUrl(origin: string, secret: string, userId: number, group: UnsubscribeGroup): string {
	return `${origin.replace(/\/+$/, '')}/mail/unsubscribe/${unsubscribeToken(secret, userId, group)}`;
}

/** The person and group a token stands for, or null when it is malformed or not signed by us. */
export function verifyUnsubscribeToken(secret: string, token: string): UnsubscribeTarget | null {
	if (typeof token !== 'string' || token.length > 200) return null;
	const match = /^([1-9]\d{0,9})\.([a-z_]+)\.([A-Za-z0-9_-]{43})$/.exec(token);
	if (!match) return null;
	const userId = Number(match[1]);
	const group = match[2];
	if (!Number.isSafeInteger(userId) || userId > 2_147_483_647 || !isUnsubscribeGroup(group)) return null;
	const expected = Buffer.from(sign(secret, userId, group));
	const given = Buffer.from(match[3]);
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
	return { userId, group };
}

/**
 * Turns the group off for the person (a stored choice, kept on the settings page); for
 * 'digest', every group whose delivery, stored or by default, is the digest. Notifications
 * of those groups still waiting for the next digest stay out of it. One statement; an unknown
 * person changes nothing.
 */
export async function applyUnsubscribe(db: Db, userId: number, group: UnsubscribeGroup): Promise<void> {
	if (group === 'digest') await turnGroupsOff(db, userId, [...MAIL_GROUPS], { onlyWhereDigest: true });
	else await turnGroupsOff(db, userId, [group], { onlyWhereDigest: false });
}
