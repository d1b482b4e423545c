import { z } from 'zod';
import { idField, plainNumber } from '../http/fields.js';
import { GRANTABLE_ROLES } from '../auth/policy.js';

const id = idField;
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const roleChangeSchema = z.object({ userId: id, role: z.enum(GRANTABLE_ROLES), granted: bool });

export const PAGE_SIZE = 25;
export const peopleQuerySchema = z.object({
	q: z.string().trim().max(100).optional().catch(undefined),
	department: plainNumber(z.coerce.number().int().positive().optional().catch(undefined)),
	role: z.enum(['organiser', 'admin']).optional().catch(undefined),
	page: plainNumber(z.coerce.number().int().min(1).max(10_000).default(1).catch(1))
});
