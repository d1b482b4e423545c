import { z } from 'zod';
import { idField, textField } from '../http/fields.js';

/** A new token: the name says which identity provider connection holds it. */
export const createTokenSchema = z.object({
	name: textField(80).min(1, { message: 'required' })
});

export const revokeTokenSchema = z.object({ tokenId: idField });

/** ?revoke=<id> asks to confirm; ?revoked=<id> says it was done. */
export const provisioningQuerySchema = z.object({
	revoke: idField.optional().catch(undefined),
	revoked: idField.optional().catch(undefined)
});
