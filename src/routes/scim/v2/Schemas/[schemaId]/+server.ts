import type { RequestHandler } from './$types';
import { scimEndpoint, scimJson, scimMethodNotAllowed } from '$lib/server/scim/scim-http';
import { getSchema } from '$lib/server/scim/scim.service';

export const GET: RequestHandler = scimEndpoint((scim, { params }) => scimJson(getSchema(scim, params.schemaId ?? '')));
export const fallback = scimMethodNotAllowed('GET');
