import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { config } from '$lib/server/config';
import { db, runningJobs } from '$lib/server/runtime';
import { formAction } from '$lib/server/http';
import { listJobs, retryJob, runJobNow } from '$lib/server/jobs/jobs.service';
import { retryJobSchema, runJobSchema } from '$lib/server/jobs/jobs.schema';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'admin.jobs');
	return listJobs(db(), user, config().mail);
};

export const actions: Actions = {
	run: (event) =>
		formAction(event, {
			access: 'admin.jobs',
			action: 'run',
			schema: runJobSchema,
			run: async (input, user) => {
				const jobs = runningJobs();
				const { queued } = await runJobNow(db(), user, input.queue, jobs ? (queue) => jobs.send(queue) : undefined);
				return { action: 'run', done: queued ? 'queued' : 'waiting', queue: input.queue };
			}
		}),
	retry: (event) =>
		formAction(event, {
			access: 'admin.jobs',
			action: 'retry',
			schema: retryJobSchema,
			run: async (input, user) => {
				await retryJob(db(), user, input);
				return { action: 'retry', done: 'retried', queue: input.queue };
			}
		})
};
