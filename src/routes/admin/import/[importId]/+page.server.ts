import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { formAction, idParam, orNotFound, parseQuery } from '$lib/server/http';
import {
	applyImport,
	dryRunImport,
	getImport,
	IMPORT_ROWS_PAGE,
	listImportRows,
	outcomeOf
} from '$lib/server/people/hr-import/hr-import.service';
import { applySchema, mappingSchema, rowsQuerySchema } from '$lib/server/people/hr-import/hr-import.schema';
import { HR_FIELDS } from '$lib/server/people/hr-import/mapping';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'org.import');
	const importId = idParam(params.importId);
	const query = parseQuery(rowsQuerySchema, url.searchParams);
	const outcome = outcomeOf(query.outcome);
	const imp = await orNotFound(getImport(db(), user, importId));
	const rows = imp.summary.planned ? await listImportRows(db(), user, importId, outcome, query.page) : [];
	const total = outcome ? (imp.summary.counts?.[outcome] ?? 0) : imp.summary.rowCount;
	return { imp, rows, outcome, page: query.page, pages: Math.max(1, Math.ceil(total / IMPORT_ROWS_PAGE)), fields: HR_FIELDS };
};

export const actions: Actions = {
	dryRun: (event) =>
		formAction(event, {
			access: 'org.import',
			action: 'dryRun',
			schema: mappingSchema,
			run: async (mapping, user) => {
				await dryRunImport(db(), user, idParam(event.params.importId), mapping);
				redirect(303, `/admin/import/${event.params.importId}#summary`);
			}
		}),
	apply: (event) =>
		formAction(event, {
			access: 'org.import',
			action: 'apply',
			schema: applySchema,
			run: async (_input, user) => {
				await applyImport(db(), user, idParam(event.params.importId));
				redirect(303, `/admin/import/${event.params.importId}?applied=1#result`);
			}
		})
};
