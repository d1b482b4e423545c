import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { formAction, parseQuery } from '$lib/server/http';
import { glossaryFilterSchema, glossaryImportSchema, glossaryTermSchema } from '$lib/server/glossary/glossary.schema';
import { addGlossaryTerm, importGlossary, listGlossary } from '$lib/server/glossary/glossary.service';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'glossary.manage');
	const { q } = parseQuery(glossaryFilterSchema, url.searchParams);
	return { q, terms: await listGlossary(db(), user, q) };
};

export const actions: Actions = {
	add: (event) =>
		formAction(event, {
			access: 'glossary.manage',
			action: 'add',
			schema: glossaryTermSchema,
			run: async (input, user) => {
				await addGlossaryTerm(db(), user, input);
				return { done: 'added' as const };
			}
		}),
	import: (event) =>
		formAction(event, {
			access: 'glossary.manage',
			action: 'import',
			schema: glossaryImportSchema,
			// the file is not typed text: nothing of it goes back into the form
			values: () => ({}),
			run: async (input, user) => {
				const { added, skipped } = await importGlossary(db(), user, await input.file.text());
				return { done: 'imported' as const, added, skipped };
			}
		})
};
