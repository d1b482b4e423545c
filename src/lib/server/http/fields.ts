import { z } from 'zod';

/** The largest id PostgreSQL's `integer` holds. */
export const MAX_ID = 2_147_483_647;

/** A form field that names a row: a positive integer id. */
export const idField = z.coerce.number().int().positive().max(MAX_ID);

/** The "remove this file" forms. */
export const attachmentIdSchema = z.object({ attachmentId: idField });

/** A form that is only a button: nothing to read but who pressed it. */
export const noFields = z.object({});
