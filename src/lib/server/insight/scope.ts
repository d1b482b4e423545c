/**
 * Who is asking the insight dashboards, what they may see, and which filters they chose:
 * one statement for the options (editions, departments, the departments the asker manages),
 * then pure resolution of the query string against them (resolveFilter, tested in
 * scope.test.ts). A department manager's filter never leaves their department tree.
 */
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema.js';
import { insightAccess, type Actor, type InsightAccess } from '../auth/policy.js';
import type { DashboardName } from '../../domain/insight-table.js';
import type { InsightFilter } from './filter.js';

export type EditionOption = {
	id: number;
	name: string;
	opensAt: string;
	status: string;
	/** a round of it has opened for scoring: the juries dashboard has something to show */
	judged: boolean;
};
export type DepartmentOption = { id: number; name: string; nameNl: string | null; parentId: number | null; retired: boolean };
export type InsightOptions = { editions: EditionOption[]; departments: DepartmentOption[] };

/** The filter form as the reader typed it (strings), so the form shows it back. */
export type FilterForm = { edition: string; department: string; from: string; to: string };
export type FilterErrors = Partial<Record<keyof FilterForm, string[]>>;

export type ResolvedInsight = {
	access: InsightAccess;
	options: InsightOptions;
	filter: InsightFilter;
	form: FilterForm;
	errors: FilterErrors;
	/** the departments the reader may pick in the filter (all, or their own trees) */
	departmentChoices: DepartmentOption[];
};

type ContextRow = { editions: EditionOption[] | null; departments: DepartmentOption[] | null; managed: number[] | null };

/** The options and the asker's managed departments, in one statement. */
export async function loadInsightOptions(db: Kysely<DB>, actorId: number): Promise<InsightOptions & { managed: number[] }> {
	const { rows } = await sql<ContextRow>`
		select
			(select json_agg(json_build_object('id', c.id, 'name', c.name, 'opensAt', c.submission_opens_at, 'status', c.status,
				'judged', exists (select 1 from round r where r.competition_id = c.id and r.status <> 'draft'))
				order by c.submission_opens_at desc, c.id desc)
			 from competition c where c.status <> 'draft') as editions,
			(select json_agg(json_build_object('id', d.id, 'name', d.name, 'nameNl', d.name_nl, 'parentId', d.parent_id,
				'retired', d.retired_at is not null) order by d.name)
			 from department d) as departments,
			(select json_agg(mt.department_id order by mt.department_id) from department_mt_member mt where mt.user_id = ${actorId}) as managed
	`.execute(db);
	const row = rows[0];
	return {
		editions: (row?.editions ?? []).map((e) => ({ ...e, opensAt: new Date(e.opensAt).toISOString() })),
		departments: row?.departments ?? [],
		managed: row?.managed ?? []
	};
}

/** A department and everything below it, each once (a loop in bad data cannot hang it). */
export function departmentTree(departments: readonly Pick<DepartmentOption, 'id' | 'parentId'>[], rootIds: readonly number[]): number[] {
	const children = new Map<number, number[]>();
	for (const d of departments) {
		if (d.parentId == null) continue;
		const list = children.get(d.parentId) ?? [];
		list.push(d.id);
		children.set(d.parentId, list);
	}
	const seen = new Set<number>();
	const stack = [...rootIds];
	while (stack.length) {
		const id = stack.pop()!;
		if (seen.has(id)) continue;
		seen.add(id);
		stack.push(...(children.get(id) ?? []));
	}
	return [...seen].sort((a, b) => a - b);
}

const date = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid_date')
	.refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'invalid_date');

const fieldSchemas = {
	edition: z.union([z.literal('all'), z.string().regex(/^[1-9]\d{0,9}$/, 'invalid_choice')]),
	department: z.string().regex(/^[1-9]\d{0,9}$/, 'invalid_choice'),
	from: date,
	to: date
} as const;

/**
 * Reads edition, department, from and to. Anything invalid, or outside what the reader may
 * see, is reported beside its field and replaced by the default, so the page still answers:
 * - edition: a competition id or "all"; empty: the newest edition whose call has opened (for
 *   the juries dashboard: the newest whose judging has begun);
 * - department: organisers any (empty: the whole company); a department manager one inside
 *   their own departments (empty: all of them); it counts with all its sub-departments;
 * - from / to: dates, inclusive; from after to is refused on "to".
 */
export function resolveFilter(
	access: InsightAccess,
	options: InsightOptions,
	params: URLSearchParams,
	now: Date,
	dashboard: DashboardName | null = null
): Pick<ResolvedInsight, 'filter' | 'form' | 'errors' | 'departmentChoices'> {
	const errors: FilterErrors = {};
	const form: FilterForm = { edition: '', department: '', from: '', to: '' };
	const read = (key: keyof FilterForm): string | null => {
		const raw = (params.get(key) ?? '').trim();
		form[key] = raw.replace(/[\0\uFFFD]/g, '').slice(0, 40);
		if (raw === '') return null;
		if (raw.includes('\0') || raw.includes('\uFFFD')) {
			errors[key] = ['invalid_choice'];
			return null;
		}
		const parsed = fieldSchemas[key].safeParse(raw);
		if (!parsed.success) {
			errors[key] = [parsed.error.issues[0]?.message === 'invalid_date' ? 'invalid_date' : 'invalid_choice'];
			return null;
		}
		return parsed.data;
	};

	// edition
	let competitionId: number | null;
	const edition = read('edition');
	const newestOpened = (list: EditionOption[]) => list.find((e) => new Date(e.opensAt) <= now) ?? list[0];
	const judged = options.editions.filter((e) => e.judged);
	const opened = dashboard === 'juries' && judged.length ? newestOpened(judged) : newestOpened(options.editions);
	if (edition === 'all') competitionId = null;
	else if (edition !== null && options.editions.some((e) => e.id === Number(edition))) competitionId = Number(edition);
	else {
		if (edition !== null) errors.edition = ['invalid_choice'];
		competitionId = opened?.id ?? null;
	}
	// Left to the default, the form says "the newest edition", so a tab keeps following each
	// dashboard's own default rather than the one the previous tab happened to show.
	form.edition = edition === 'all' ? 'all' : edition !== null && !errors.edition ? String(competitionId) : '';

	// department
	const allowedIds = access.departments === 'all' ? null : new Set(departmentTree(options.departments, access.departments));
	const departmentChoices = options.departments.filter((d) => !d.retired && (allowedIds === null || allowedIds.has(d.id)));
	let departmentIds: number[] | null;
	const department = read('department');
	const chosen = department === null ? null : options.departments.find((d) => d.id === Number(department));
	if (chosen && (allowedIds === null || allowedIds.has(chosen.id))) departmentIds = departmentTree(options.departments, [chosen.id]);
	else {
		if (department !== null) errors.department = [allowedIds === null ? 'invalid_choice' : 'insight_own_departments_only'];
		departmentIds = allowedIds === null ? null : [...allowedIds].sort((a, b) => a - b);
		form.department = '';
	}

	// period
	let from = read('from');
	let to = read('to');
	if (from && to && from > to) {
		errors.to = ['insight_to_before_from'];
		to = null;
	}
	if (errors.from) from = null;

	return { filter: { competitionId, departmentIds, from, to }, form, errors, departmentChoices };
}

/** Everything a dashboard request needs, or null: a stranger to insight gets 404. */
export async function resolveInsight(
	db: Kysely<DB>,
	actor: Actor,
	params: URLSearchParams,
	dashboard: DashboardName | null,
	now = new Date()
): Promise<ResolvedInsight | null> {
	const { managed, ...options } = await loadInsightOptions(db, actor.id);
	const access = insightAccess(actor, { managedDepartmentIds: managed });
	if (!access) return null;
	return { access, options, ...resolveFilter(access, options, params, now, dashboard) };
}

/** The dashboard a path under /insight names ("/insight/flow" → flow, "/insight" → summary). */
export function dashboardOfPath(pathname: string): DashboardName | null {
	const rest = pathname.replace(/^\/insight\/?/, '').split('/')[0];
	if (rest === '') return 'summary';
	return (['participation', 'flow', 'mentoring', 'juries', 'results'] as const).find((d) => d === rest) ?? null;
}
