import { z } from 'zod';
import { plainNumber } from '../http/fields.js';

export const AUDIT_PAGE_SIZE = 50;
/** The export takes the whole filtered log, up to this many lines (newest first). */
export const AUDIT_EXPORT_LIMIT = 50_000;

/** Free text from the query string; an empty field is no filter. */
const text = (max: number) =>
	z
		.string()
		.trim()
		.max(max)
		.transform((v) => v || undefined)
		.optional()
		.catch(undefined);

/** A day as an `<input type="date">` sends it (YYYY-MM-DD), a real one; anything else is no filter. */
const day = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/)
	.refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v))
	.optional()
	.catch(undefined);

/** The audit log's filters and page, from the query string (the page and its CSV export read the same). */
export const auditQuerySchema = z.object({
	action: text(100),
	type: text(40),
	actor: plainNumber(z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined)),
	from: day,
	to: day,
	page: plainNumber(z.coerce.number().int().min(1).max(100_000).default(1).catch(1))
});
export type AuditQuery = z.output<typeof auditQuerySchema>;

/** What the queries filter on; days are whole days in the portal's time zone (Europe/Amsterdam). */
export type AuditFilter = { action?: string; objectType?: string; actorId?: number; fromDay?: string; toDay?: string };

export function toAuditFilter(query: AuditQuery): AuditFilter {
	return { action: query.action, objectType: query.type, actorId: query.actor, fromDay: query.from, toDay: query.to };
}
