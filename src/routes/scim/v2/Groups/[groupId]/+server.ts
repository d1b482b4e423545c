import type { RequestHandler } from './$types';
import { noContent, readScimBody, scimEndpoint, scimMethodNotAllowed, scimResource } from '$lib/server/scim/scim-http';
import { deleteGroup, getGroup, patchGroup, replaceGroup } from '$lib/server/scim/scim.service';
import { readProjection } from '$lib/server/scim/list-query';

export const GET: RequestHandler = scimEndpoint(async (scim, { params, url }) =>
	scimResource(await getGroup(scim, params.groupId, readProjection(url.searchParams)))
);
export const PUT: RequestHandler = scimEndpoint(async (scim, { params, request }) =>
	scimResource(await replaceGroup(scim, params.groupId, await readScimBody(request)))
);
export const PATCH: RequestHandler = scimEndpoint(async (scim, { params, request }) => {
	await patchGroup(scim, params.groupId, await readScimBody(request));
	return noContent();
});
export const DELETE: RequestHandler = scimEndpoint(async (scim, { params }) => {
	await deleteGroup(scim, params.groupId);
	return noContent();
});
export const fallback = scimMethodNotAllowed('GET, PUT, PATCH, DELETE');
