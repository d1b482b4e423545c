import type { RequestHandler } from './$types';
import { scimEndpoint, scimJson, scimMethodNotAllowed } from '$lib/server/scim/scim-http';
import { getResourceType } from '$lib/server/scim/scim.service';

export const GET: RequestHandler = scimEndpoint((scim, { params }) => scimJson(getResourceType(scim, params.typeId ?? '')));
export const fallback = scimMethodNotAllowed('GET');
