import type { RequestHandler } from './$types';
import { scimEndpoint, scimJson, scimMethodNotAllowed } from '$lib/server/scim/scim-http';
import { listSchemas } from '$lib/server/scim/scim.service';

export const GET: RequestHandler = scimEndpoint((scim) => scimJson(listSchemas(scim)));
export const fallback = scimMethodNotAllowed('GET');
