import { config } from '$lib/server/config';

/** Where a poster's code leads: the portal's public address (ORIGIN), else the address this request came to. */
export const posterOrigin = (url: URL): string => config().origin ?? url.origin;
