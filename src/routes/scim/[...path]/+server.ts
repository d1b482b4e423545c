import { scimNotFound } from '$lib/server/scim/scim-http';

/** Anything else under /scim answers in SCIM's error format, not with the portal's HTML 404 page. */
export const fallback = scimNotFound;
