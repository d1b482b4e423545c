import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { formAction, noFields, parseQuery, plainNumber } from '$lib/server/http';
import { listNotifications, markAllNotificationsRead, NOTIFICATIONS_PAGE_SIZE } from '$lib/server/notifications/notifications.service';

const query = z.object({ page: plainNumber(z.coerce.number().int().min(1).max(10_000).default(1).catch(1)) });

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const { page } = parseQuery(query, url.searchParams);
	return { ...(await listNotifications(db(), user, page)), page, pageSize: NOTIFICATIONS_PAGE_SIZE };
};

export const actions: Actions = {
	readAll: (event) =>
		formAction(event, {
			access: 'signedIn',
			schema: noFields,
			run: async (_input, user) => ({ marked: await markAllNotificationsRead(db(), user) })
		})
};
