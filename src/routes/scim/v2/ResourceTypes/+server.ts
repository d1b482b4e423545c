import type { RequestHandler } from './$types';
import { scimEndpoint, scimJson, scimMethodNotAllowed } from '$lib/server/scim/scim-http';
import { listResourceTypes } from '$lib/server/scim/scim.service';

export const GET: RequestHandler = scimEndpoint((scim) => scimJson(listResourceTypes(scim)));
export const fallback = scimMethodNotAllowed('GET');
