import type { PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { config } from '$lib/server/config';
import { db } from '$lib/server/runtime';
import { parseQuery } from '$lib/server/http';
import { outboxQuerySchema } from '$lib/server/mail/outbox.schema';
import { getOutboxPage } from '$lib/server/mail/outbox.service';
import { renderContext } from './render-context';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'admin.mail');
	const query = parseQuery(outboxQuerySchema, url.searchParams);
	return { ...(await getOutboxPage(db(), user, query, renderContext())), query, smtpConfigured: !!config().mail.smtpUrl };
};
