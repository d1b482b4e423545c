import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/runtime';
import { formAction, idParam, orNotFound, parseQuery, requireAccess } from '$lib/server/http';
import { closeSchema, noteSchema, passOnSchema, personQuerySchema } from '$lib/server/instructions/reports.schema';
import { addReportNote, closeReport, getReportPage, passOnReport } from '$lib/server/instructions/reports.service';

/** The report with its step, photo and whole history; `?who=` searches a person to pass it to. Two statements, three with a search. */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireAccess({ locals, url }, 'kb.read');
	const { who } = parseQuery(personQuerySchema, url.searchParams);
	const page = await orNotFound(getReportPage(db(), user, idParam(params.reportId), who));
	return { ...page, sent: url.searchParams.has('sent') };
};

const back = (id: number, what: string) => redirect(303, `/instructions/reports/${id}?done=${what}`);

export const actions: Actions = {
	passOn: (event) =>
		formAction(event, {
			access: 'kb.read',
			action: 'passOn',
			schema: passOnSchema,
			run: async (input, user) => {
				const id = idParam(event.params.reportId);
				await passOnReport(db(), user, id, input);
				back(id, 'passed_on');
			}
		}),
	note: (event) =>
		formAction(event, {
			access: 'kb.read',
			action: 'note',
			schema: noteSchema,
			run: async (input, user) => {
				const id = idParam(event.params.reportId);
				await addReportNote(db(), user, id, input);
				back(id, 'note');
			}
		}),
	close: (event) =>
		formAction(event, {
			access: 'kb.read',
			action: 'close',
			schema: closeSchema,
			run: async (input, user) => {
				const id = idParam(event.params.reportId);
				await closeReport(db(), user, id, input);
				back(id, 'closed');
			}
		})
};
