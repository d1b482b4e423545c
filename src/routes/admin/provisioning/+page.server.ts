import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { formAction, parseQuery } from '$lib/server/http';
import { createToken, listTokens, revokeToken } from '$lib/server/scim/tokens.service';
import { createTokenSchema, provisioningQuerySchema, revokeTokenSchema } from '$lib/server/scim/tokens.schema';
import { scimBaseUrl } from '$lib/server/scim/scim-http';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'admin.provisioning');
	const query = parseQuery(provisioningQuerySchema, url.searchParams);
	const tokens = await listTokens(db(), user);
	const active = (id: number | undefined) => tokens.find((t) => t.id === id && !t.revokedAt) ?? null;
	return {
		tokens,
		baseUrl: scimBaseUrl(url),
		confirmRevoke: active(query.revoke),
		revoked: tokens.find((t) => t.id === query.revoked && t.revokedAt)?.name ?? null
	};
};

export const actions: Actions = {
	create: (event) =>
		formAction(event, {
			access: 'admin.provisioning',
			action: 'create',
			schema: createTokenSchema,
			// The token's text is in this answer only: it is never stored or shown again.
			run: async (input, user) => ({ created: await createToken(db(), user, input) })
		}),
	revoke: (event) =>
		formAction(event, {
			access: 'admin.provisioning',
			action: 'revoke',
			schema: revokeTokenSchema,
			run: async (input, user) => {
				await revokeToken(db(), user, input.tokenId);
				redirect(303, `/admin/provisioning?revoked=${input.tokenId}`);
			}
		})
};
