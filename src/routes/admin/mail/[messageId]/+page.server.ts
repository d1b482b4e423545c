import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { config } from '$lib/server/config';
import { db } from '$lib/server/runtime';
import { formAction, idParam, noFields, orNotFound } from '$lib/server/http';
import { getOutboxMessage, retryOutboxMessage } from '$lib/server/mail/outbox.service';
import { renderContext } from '../render-context';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'admin.mail');
	const messageId = idParam(params.messageId);
	return {
		...(await orNotFound(getOutboxMessage(db(), user, messageId, renderContext()))),
		smtpConfigured: !!config().mail.smtpUrl
	};
};

export const actions: Actions = {
	retry: (event) =>
		formAction(event, {
			access: 'admin.mail',
			action: 'retry',
			schema: noFields,
			run: async (_input, user) => {
				await retryOutboxMessage(db(), user, idParam(event.params.messageId));
				return { retried: true };
			}
		})
};
