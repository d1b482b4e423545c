import { z } from 'zod';
import { plainNumber } from '../http/fields.js';

export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
export const OUTBOX_PAGE_SIZE = 50;

/** The outbox page's filters from the query string; anything invalid is no filter. */
export const outboxQuerySchema = z.object({
	status: z.enum(OUTBOX_STATUSES).optional().catch(undefined),
	q: z
		.string()
		.trim()
		.max(200)
		.transform((v) => v || undefined)
		.optional()
		.catch(undefined),
	page: plainNumber(z.coerce.number().int().min(1).max(100_000).default(1).catch(1))
});
export type OutboxQuery = z.output<typeof outboxQuerySchema>;
