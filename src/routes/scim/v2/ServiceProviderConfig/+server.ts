import type { RequestHandler } from './$types';
import { scimEndpoint, scimJson, scimMethodNotAllowed } from '$lib/server/scim/scim-http';
import { getServiceProviderConfig } from '$lib/server/scim/scim.service';

export const GET: RequestHandler = scimEndpoint((scim) => scimJson(getServiceProviderConfig(scim)));
export const fallback = scimMethodNotAllowed('GET');
