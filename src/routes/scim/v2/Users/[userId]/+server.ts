import type { RequestHandler } from './$types';
import { noContent, readScimBody, scimEndpoint, scimMethodNotAllowed, scimResource } from '$lib/server/scim/scim-http';
import { deleteUser, getUser, patchUser, replaceUser } from '$lib/server/scim/scim.service';
import { readProjection } from '$lib/server/scim/list-query';

export const GET: RequestHandler = scimEndpoint(async (scim, { params, url }) =>
	scimResource(await getUser(scim, params.userId, readProjection(url.searchParams)))
);
export const PUT: RequestHandler = scimEndpoint(async (scim, { params, request }) =>
	scimResource(await replaceUser(scim, params.userId, await readScimBody(request)))
);
export const PATCH: RequestHandler = scimEndpoint(async (scim, { params, request }) =>
	scimResource(await patchUser(scim, params.userId, await readScimBody(request)))
);
export const DELETE: RequestHandler = scimEndpoint(async (scim, { params }) => {
	await deleteUser(scim, params.userId);
	return noContent();
});
export const fallback = scimMethodNotAllowed('GET, PUT, PATCH, DELETE');
