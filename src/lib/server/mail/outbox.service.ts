/**
 * The e-mail outbox as admins read it: what waits, what went out, what failed, and each
 * message as it is (or would be) sent. Without SMTP configured this is where the portal's
 * mail can be read at all. A failed message can be sent again.
 */
import type { Database } from '../db/index.js';
import { can, type Actor } from '../auth/policy.js';
import { DomainError, notFound } from '../errors.js';
import { recordAudit } from '../audit/audit.queries.js';
import { mailLocale, type RenderedMail } from './render.js';
import { renderOutboxMail } from './delivery.js';
import { mailQueued } from './signal.js';
import { OUTBOX_PAGE_SIZE, OUTBOX_STATUSES, type OutboxQuery, type OutboxStatus } from './outbox.schema.js';
import { countOutboxByStatus, findOutboxMessage, listOutboxPage, requeueFailedMessage, type OutboxRow } from './outbox.queries.js';

/** What rendering needs besides the row: the portal's address and the secret that signs unsubscribe links. */
export type RenderContext = { origin: string; secret: string; from?: string };

/** The mail an outbox row stands for, rendered by delivery's own function (same input, same output). */
export const renderOutboxRow = (row: OutboxRow, context: RenderContext): RenderedMail | null => renderOutboxMail(row, context);

const message = (row: OutboxRow, subject: string | null) => ({
	id: row.id,
	kind: row.kind,
	status: row.status,
	attempts: row.attempts,
	lastError: row.lastError,
	subject,
	recipient: { name: row.name, email: row.email, disabled: row.disabled },
	toAddress: row.toAddress,
	messageId: row.messageId,
	notificationCount: row.notificationCount,
	createdAt: row.createdAt,
	sentAt: row.sentAt,
	nextAttemptAt: row.nextAttemptAt
});
export type OutboxMessage = ReturnType<typeof message>;

/**
 * The counts per status and one page of messages, newest first, filtered by status and the
 * recipient's address. A message not yet sent shows the subject it would go with. Two statements.
 */
export async function getOutboxPage(db: Database, actor: Actor, query: OutboxQuery, context: RenderContext) {
	if (!can(actor, 'admin.mail')) throw notFound();
	const [counted, rows] = await Promise.all([
		countOutboxByStatus(db),
		listOutboxPage(db, { status: query.status, recipient: query.q }, OUTBOX_PAGE_SIZE, (query.page - 1) * OUTBOX_PAGE_SIZE)
	]);
	const counts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as Record<OutboxStatus, number>;
	for (const c of counted) if (c.status in counts) counts[c.status as OutboxStatus] = c.n;
	return {
		counts,
		total: rows[0]?.total ?? 0,
		pageSize: OUTBOX_PAGE_SIZE,
		messages: rows.map((row) => message(row, row.subject ?? renderOutboxRow(row, context)?.subject ?? null))
	};
}

/** One message with its mail rendered (text, HTML and headers) as it is sent. One statement. */
export async function getOutboxMessage(db: Database, actor: Actor, messageId: number, context: RenderContext) {
	if (!can(actor, 'admin.mail')) throw notFound();
	const row = await findOutboxMessage(db, messageId);
	if (!row) throw notFound();
	const mail = renderOutboxRow(row, context);
	return { message: message(row, row.subject ?? mail?.subject ?? null), mail, mailLocale: mailLocale(row.locale) };
}

/**
 * "Send again": a failed message goes back in the queue, due now, for one more attempt (its
 * attempts so far are kept), audited 'mail.retry'. Any other message is refused
 * ('not_failed'): one that waits or is being sent goes anyway, a sent one went.
 */
export async function retryOutboxMessage(db: Database, actor: Actor, messageId: number): Promise<void> {
	if (!can(actor, 'admin.mail')) throw notFound();
	await db.transaction().execute(async (trx) => {
		const result = await requeueFailedMessage(trx, messageId);
		if (!result) throw notFound();
		if (!result.requeued) throw new DomainError('not_failed', 'Only a failed message can be sent again.', 409);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'mail.retry',
			objectType: 'mail_outbox',
			objectId: messageId,
			data: { userId: result.userId, attempts: result.attempts, lastError: result.lastError }
		});
	});
	mailQueued();
}
