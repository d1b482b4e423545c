import type { RequestHandler } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { download, spreadsheetCsv, parseQuery } from '$lib/server/http';
import { ideaListQuerySchema } from '$lib/server/ideas/ideas.schema';
import { listAllIdeas } from '$lib/server/ideas/idea-lists.service';

/** The filtered list as CSV (UTF-8 with BOM so Excel reads accents), at most 50,000 rows. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'idea.listAll');
	const query = { ...parseQuery(ideaListQuerySchema, url.searchParams), page: 1 };
	const { ideas } = await listAllIdeas(db(), user, query, 50_000);
	const csv = spreadsheetCsv(
		ideas.map((i) => [
			i.id,
			i.title,
			i.status,
			i.competitionName ?? '',
			i.departmentName,
			i.team ?? '',
			i.tags ?? '',
			i.submittedAt ? new Date(i.submittedAt).toISOString() : '',
			new Date(i.updatedAt).toISOString()
		]),
		{ header: true, columns: ['id', 'title', 'status', 'competition', 'department', 'team', 'tags', 'submitted_at', 'updated_at'] }
	);
	return download(csv, `ideas-${new Date().toISOString().slice(0, 10)}.csv`, 'text/csv; charset=utf-8');
};
