import type { RequestHandler } from './$types';
import { readScimBody, scimEndpoint, scimJson, scimMethodNotAllowed, scimResource } from '$lib/server/scim/scim-http';
import { createUser, listUsers } from '$lib/server/scim/scim.service';
import { readListQuery } from '$lib/server/scim/list-query';

export const GET: RequestHandler = scimEndpoint(async (scim, { url }) => scimJson(await listUsers(scim, readListQuery(url.searchParams))));
export const POST: RequestHandler = scimEndpoint(async (scim, { request }) =>
	scimResource(await createUser(scim, await readScimBody(request)), 201)
);
export const fallback = scimMethodNotAllowed('GET, POST');
