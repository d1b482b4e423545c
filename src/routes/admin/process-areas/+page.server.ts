import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { formAction, idField } from '$lib/server/http';
import { z } from 'zod';
import { processAreaSchema } from '$lib/server/people/process-areas.schema';
import { createProcessArea, listProcessAreas, setProcessAreaRetired } from '$lib/server/people/process-areas.service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'org.manage');
	return { areas: await listProcessAreas(db(), user) };
};

const retireSchema = z.object({ processAreaId: idField, retired: z.enum(['true', 'false']).transform((v) => v === 'true') });

export const actions: Actions = {
	create: (event) =>
		formAction(event, {
			access: 'org.manage',
			action: 'create',
			schema: processAreaSchema,
			run: async (input, user) => {
				await createProcessArea(db(), user, input);
				return { done: 'created' as const };
			}
		}),
	retire: (event) =>
		formAction(event, {
			access: 'org.manage',
			action: 'retire',
			schema: retireSchema,
			run: async (input, user) => {
				await setProcessAreaRetired(db(), user, input.processAreaId, input.retired);
				return { done: input.retired ? ('retired' as const) : ('restored' as const) };
			}
		})
};
