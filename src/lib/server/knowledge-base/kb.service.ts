/**
 * The knowledge base as every employee uses it: search and browse, an entry's page, recording
 * an adoption, subscriptions and department pages. Only published entries are found; an
 * entry waiting for approval or withdrawn is seen by its team and organisers only.
 */
import type { Database } from '../db/index.js';
import { can, canOnKbEntry, canOnAdoption, hasRole, type Actor } from '../auth/policy.js';
import { DomainError, FieldErrors, notFound } from '../errors.js';
import { insertNotifications } from '../notifications/notifications.queries.js';
import { listDepartments } from '../org/users.service.js';
import { listProcessAreas, listTagNames } from '../ideas/ideas.service.js';
import { requireEntryAccess } from './kb.access.js';
import { mayAddInstruction } from '../instructions/instructions.service.js';
import * as q from './kb.queries.js';
import { searchEntries, SEARCH_CAP, type FacetRow, type SearchFilters } from './kb-search.queries.js';
import { countMarks, toSegments, type Segment } from './highlight.js';
import { countByStatus, totalResults } from '../../domain/rollup.js';
import { KB_PAGE_SIZE, type AdoptionInput, type SearchQuery, type SubscribeInput } from './kb.schema.js';

export type SearchHit = {
	id: number;
	title: string;
	titleSegments: Segment[];
	snippet: Segment[];
	departmentId: number;
	departmentName: string;
	processAreaEn: string | null;
	processAreaNl: string | null;
	award: string | null;
	publishedAt: string;
	adoptionCount: number;
	tags: string[];
};

export type Facets = Record<FacetRow['facet'], Array<{ key: string; labelEn: string; labelNl: string; n: number }>>;

export type SearchPage = {
	query: SearchQuery;
	sort: SearchFilters['sort'];
	/** Matches, at most SEARCH_CAP */
	total: number;
	/** More than SEARCH_CAP matched ("more than 10,000"); the facets count the first SEARCH_CAP */
	capped: boolean;
	cap: number;
	pages: number;
	hits: SearchHit[];
	facets: Facets;
	/** "Did you mean": the query with misspelt words replaced, when that differs */
	suggestion: string | null;
	/** The company glossary's translations the search added ("also searched: torque wrench") */
	also: string[];
};

const WORD = /[\p{L}\p{N}]+/gu;

/** The search statement's filters for a page's query: best match first when there are words, else newest. */
export function searchFilters(query: SearchQuery): SearchFilters {
	return {
		q: query.q,
		departmentId: query.department,
		processAreaId: query.area,
		tag: query.tag,
		year: query.year,
		award: query.award,
		sort: query.sort ?? (query.q ? 'relevance' : 'newest'),
		limit: KB_PAGE_SIZE,
		offset: (query.page - 1) * KB_PAGE_SIZE
	};
}

/** Search and browse. Without a query: newest first (or most adopted); with one: best match first. */
export async function searchKb(db: Database, actor: Actor, query: SearchQuery): Promise<SearchPage> {
	if (!can(actor, 'kb.read')) throw notFound();
	const filters = searchFilters(query);
	const sort = filters.sort;
	const result = await searchEntries(db, filters);
	const facets: Facets = { department: [], process_area: [], tag: [], year: [], award: [] };
	for (const f of result.facets) facets[f.facet].push({ key: f.key, labelEn: f.labelEn, labelNl: f.labelNl, n: f.n });
	facets.department.sort((a, b) => b.n - a.n || a.labelEn.localeCompare(b.labelEn));
	facets.process_area.sort((a, b) => b.n - a.n || a.labelEn.localeCompare(b.labelEn));
	facets.tag.sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));
	facets.year.sort((a, b) => Number(b.key) - Number(a.key));
	// Awards too: the database hands its groups back in hash order, which differs between engines.
	facets.award.sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));

	const suggestion = query.q && result.total < 3 ? correctQuery(query.q, result.suggestions) : null;

	const hits = result.rows.map((r): SearchHit => {
		const best = countMarks(r.headlineNl) > countMarks(r.headlineEn) ? r.headlineNl : r.headlineEn;
		return {
			id: r.id,
			title: r.title,
			titleSegments: r.titleHeadline ? toSegments(r.titleHeadline) : [{ text: r.title, mark: false }],
			snippet: best && countMarks(best) > 0 ? toSegments(best) : [{ text: r.summary, mark: false }],
			departmentId: r.departmentId,
			departmentName: r.departmentName,
			processAreaEn: r.processAreaEn,
			processAreaNl: r.processAreaNl,
			award: r.award,
			publishedAt: r.publishedAt,
			adoptionCount: r.adoptionCount,
			tags: r.tags ?? []
		};
	});
	return {
		query,
		sort,
		total: result.total,
		capped: result.capped,
		cap: SEARCH_CAP,
		pages: Math.max(1, Math.ceil(result.total / KB_PAGE_SIZE)),
		hits,
		facets,
		suggestion,
		also: result.also
	};
}

/** The query with each misspelt word replaced by its suggestion (found in the search statement), when that differs. */
function correctQuery(text: string, best: Map<string, string>): string | null {
	if (!best.size) return null;
	let changed = false;
	const corrected = text.toLowerCase().replace(WORD, (w) => {
		const b = best.get(w);
		if (b && b !== w) {
			changed = true;
			return b;
		}
		return w;
	});
	return changed ? corrected : null;
}

/** An entry's page: the entry, where it has been rolled out, totals, and what the reader may do. */
export async function getEntryPage(db: Database, actor: Actor, entryId: number) {
	const access = await requireEntryAccess(db, actor, entryId);
	const canAdopt = canOnKbEntry(actor, 'adopt', access.facts);
	const [entry, adoptions, { departments, people }] = await Promise.all([
		q.findEntry(db, entryId, actor.departmentId),
		q.listAdoptions(db, entryId),
		q.findAdoptionChoices(db, canAdopt ? actor.departmentId : null)
	]);
	if (!entry) throw notFound();
	const mine = adoptions.find((a) => a.departmentId === actor.departmentId) ?? null;
	const organiser = hasRole(actor, 'organiser');
	const adoptionDepartments = organiser
		? departments.filter((d) => d.id !== entry.departmentId)
		: departments.filter((d) => d.id === actor.departmentId);
	const statusByDepartment = new Map(adoptions.map((a) => [a.departmentId, a.status]));
	const candidateIds = new Set(entry.candidates.map((c) => c.id));
	return {
		entry,
		adoptions,
		totals: totalResults(entry.results, adoptions),
		statusCounts: countByStatus(adoptions),
		rolloutMap: departments.map((d) => ({
			id: d.id,
			code: d.code,
			name: d.name,
			state: d.id === entry.departmentId ? 'origin' : (statusByDepartment.get(d.id) ?? (candidateIds.has(d.id) ? 'candidate' : 'none'))
		})),
		myAdoption: mine,
		myDepartmentId: actor.departmentId,
		adoptionDepartments: adoptionDepartments.map((d) => ({ id: d.id, name: d.name })),
		people,
		can: {
			adopt: canAdopt && (organiser || actor.departmentId !== entry.departmentId),
			edit: canOnKbEntry(actor, 'edit', access.facts),
			approve: canOnKbEntry(actor, 'approve', access.facts),
			unpublish: canOnKbEntry(actor, 'unpublish', access.facts),
			attach: canOnKbEntry(actor, 'attach', access.facts),
			addInstruction: mayAddInstruction(actor, access.facts)
		}
	};
}

/**
 * Record or update a department's adoption of a published entry: status, owner, dates and
 * its own results. The team and the entry's contacts hear of each new adoption and each
 * change of status.
 */
export async function recordAdoption(db: Database, actor: Actor, entryId: number, input: AdoptionInput) {
	const access = await requireEntryAccess(db, actor, entryId);
	if (!canOnKbEntry(actor, 'adopt', access.facts)) throw new DomainError('not_published', 'Only a published entry can be adopted.', 409);
	const departmentId = input.departmentId ?? actor.departmentId;
	if (!canOnAdoption(actor, departmentId, null)) throw new FieldErrors({ departmentId: ['not_allowed'] });
	if (departmentId === access.departmentId) throw new FieldErrors({ departmentId: ['own_department'] });
	if (input.ownerId) {
		const people = await q.listPeopleOfDepartment(db, departmentId);
		if (!people.some((p) => p.id === input.ownerId)) throw new FieldErrors({ ownerId: ['unknown_person'] });
	}
	return db.transaction().execute(async (trx) => {
		const entry = await q.lockEntry(trx, entryId);
		if (!entry || entry.status !== 'published') throw new DomainError('not_published', 'Only a published entry can be adopted.', 409);
		const before = await q.findAdoption(trx, entryId, departmentId);
		if (before && !canOnAdoption(actor, departmentId, before)) {
			throw new DomainError('adoption_kept_by_owner', 'This adoption is kept by its owner: ask them or an organiser.', 403);
		}
		const saved = await q.upsertAdoption(trx, {
			kbEntryId: entryId,
			departmentId,
			status: input.status,
			ownerId: input.ownerId,
			reason: input.reason,
			startedOn: input.startedOn,
			adoptedOn: input.adoptedOn,
			createdBy: actor.id
		});
		await q.replaceResults(trx, { adoptionId: saved.id }, input.results);
		if (!before || before.status !== input.status) {
			const department = await q.findDepartment(trx, departmentId);
			const to = (await q.listTeamAndContactIds(trx, entryId)).filter((id) => id !== actor.id);
			await insertNotifications(trx, to, {
				kind: 'adopted_elsewhere',
				params: { title: entry.title, kbEntryTitle: entry.title, departmentName: department?.name ?? '', status: input.status },
				link: `/kb/${entryId}`
			});
		}
		return { id: saved.id, created: !before };
	});
}

// ---------- subscriptions ----------

export async function getSubscriptions(db: Database, actor: Actor) {
	if (!can(actor, 'kb.read')) throw notFound();
	const [subscriptions, tags, processAreas, departments] = await Promise.all([
		q.listSubscriptions(db, actor.id),
		listTagNames(db),
		listProcessAreas(db),
		listDepartments(db)
	]);
	return { subscriptions, tags: tags.map((t) => t.name), processAreas, departments: departments.map((d) => ({ id: d.id, name: d.name })) };
}

/** Follow a tag, a process area or a department; following it twice changes nothing. */
export async function subscribe(db: Database, actor: Actor, input: SubscribeInput) {
	if (!can(actor, 'kb.read')) throw notFound();
	if (input.target === 'tag') {
		if (!input.tag) throw new FieldErrors({ tag: ['required'] });
		const tag = await q.findTagByName(db, input.tag);
		if (!tag) throw new FieldErrors({ tag: ['unknown'] });
		await q.insertSubscription(db, { userId: actor.id, tagId: tag.id });
	} else if (input.target === 'process_area') {
		if (!input.processAreaId) throw new FieldErrors({ processAreaId: ['required'] });
		const areas = await listProcessAreas(db);
		if (!areas.some((a) => a.id === input.processAreaId)) throw new FieldErrors({ processAreaId: ['unknown'] });
		await q.insertSubscription(db, { userId: actor.id, processAreaId: input.processAreaId });
	} else {
		if (!input.departmentId) throw new FieldErrors({ departmentId: ['required'] });
		if (!(await q.findDepartment(db, input.departmentId))) throw new FieldErrors({ departmentId: ['unknown'] });
		await q.insertSubscription(db, { userId: actor.id, departmentId: input.departmentId });
	}
}

export async function unsubscribe(db: Database, actor: Actor, subscriptionId: number) {
	if (!can(actor, 'kb.read')) throw notFound();
	const result = await q.deleteSubscription(db, actor.id, subscriptionId);
	if (!result.numDeletedRows) throw notFound();
}

// ---------- departments ----------

export async function getDepartmentsOverview(db: Database, actor: Actor) {
	if (!can(actor, 'kb.read')) throw notFound();
	return q.listDepartmentsWithCounts(db);
}

/** A department's page: what it contributed to the knowledge base and what it adopted from others. */
export async function getDepartmentPage(db: Database, actor: Actor, departmentId: number) {
	if (!can(actor, 'kb.read')) throw notFound();
	const department = await q.findDepartment(db, departmentId);
	if (!department) throw notFound();
	const [contributed, adopted, subscriptions] = await Promise.all([
		q.listContributed(db, departmentId),
		q.listAdoptedByDepartment(db, departmentId),
		q.listSubscriptions(db, actor.id)
	]);
	const subscription = subscriptions.find((s) => s.departmentId === departmentId) ?? null;
	return {
		department,
		contributed,
		adopted,
		subscriptionId: subscription?.id ?? null,
		totals: totalResults(
			[],
			adopted.map((a) => ({ status: a.status, results: a.results }))
		)
	};
}
