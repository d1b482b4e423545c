/**
 * How an audit line reads: its details as `key: value` with the objects they name linked
 * (an idea to its page, a person to the people page filtered on them, a round to the round
 * page...), instead of raw JSON and bare ids. Pure: the service looks the names up first.
 *
 * Example: `{ mentorId: 12, assignmentId: 40 }` on an idea reads
 * `mentor: Pieter de Groot` (linked to /admin/users?q=pieter.degroot@…) and `assignment id: 40`.
 */

/** The kinds of thing an audit line can name, each with a page an admin can open. */
export type RefKind = 'idea' | 'user' | 'round' | 'jury' | 'competition' | 'kb_entry' | 'department';

/** A piece of a value as shown: text, linked when it names something. */
export type Part = { text: string; href?: string };
export type Detail = { key: string; parts: Part[] };

/**
 * What the service found for a referenced id (one row per thing), with what the reader's
 * rights depend on: an idea's or entry's status, whether the idea's call has closed, whether
 * the reader is on its team.
 */
export type Reference = {
	kind: string;
	id: number;
	label: string;
	email: string | null;
	competitionId: number | null;
	roundId: number | null;
	status: string | null;
	closed: boolean | null;
	mine: boolean | null;
};

/**
 * What the reader of the log may know of a thing: open it (its name, linked), its name only
 * (no page they may open), or not even its name (an idea they may not see: "#12").
 */
export type Access = 'open' | 'name' | 'none';

/** The object types lines are written about, as the kind of thing they name. */
const OBJECT_KINDS: Record<string, RefKind> = {
	idea: 'idea',
	user: 'user',
	mentor_profile: 'user',
	round: 'round',
	jury: 'jury',
	competition: 'competition',
	kb_entry: 'kb_entry',
	department: 'department'
};

/** Detail keys that hold ids (one, a list, or a change from one to another) and what they name. */
const KEY_KINDS: Record<string, RefKind> = {
	ideaId: 'idea',
	ideaIds: 'idea',
	into: 'idea',
	userId: 'user',
	mentorId: 'user',
	roundId: 'round',
	rounds: 'round',
	juryId: 'jury',
	competitionId: 'competition',
	departmentId: 'department',
	departmentIds: 'department',
	entryId: 'kb_entry'
};

export function objectKindOf(objectType: string): RefKind | null {
	return OBJECT_KINDS[objectType] ?? null;
}

/** A row id as stored in JSON or in object_id: a positive integer PostgreSQL's `integer` holds, or nothing. */
export function asId(value: unknown): number | null {
	const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : NaN;
	return Number.isInteger(n) && n > 0 && n <= 2_147_483_647 ? n : null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every id the lines name, per kind: the objects and the ids inside the details (at any depth). */
export function collectReferences(lines: { objectType: string; objectId: string | null; data: unknown }[]): Map<RefKind, Set<number>> {
	const found = new Map<RefKind, Set<number>>();
	const add = (kind: RefKind, value: unknown) => {
		const id = asId(value);
		if (id === null) return;
		if (!found.has(kind)) found.set(kind, new Set());
		found.get(kind)!.add(id);
	};
	const idsIn = (kind: RefKind, value: unknown): void => {
		if (Array.isArray(value)) value.forEach((v) => idsIn(kind, v));
		else if (isRecord(value) && 'from' in value && 'to' in value) [value.from, value.to].forEach((v) => idsIn(kind, v));
		else add(kind, value);
	};
	const walk = (value: unknown): void => {
		if (Array.isArray(value)) value.forEach(walk);
		else if (isRecord(value))
			for (const [key, v] of Object.entries(value)) {
				if (KEY_KINDS[key]) idsIn(KEY_KINDS[key], v);
				else walk(v);
			}
	};
	for (const line of lines) {
		const kind = objectKindOf(line.objectType);
		if (kind) add(kind, line.objectId);
		walk(line.data);
	}
	return found;
}

/** The page an admin opens for a thing; null when it has none. */
export function hrefOf(kind: RefKind, ref: Reference): string | null {
	switch (kind) {
		case 'idea':
			return `/ideas/${ref.id}`;
		case 'user':
			return ref.email ? `/admin/users?q=${encodeURIComponent(ref.email)}` : null;
		case 'round':
			return ref.competitionId ? `/organise/competitions/${ref.competitionId}/rounds/${ref.id}` : null;
		case 'jury':
			return ref.competitionId && ref.roundId ? `/organise/competitions/${ref.competitionId}/rounds/${ref.roundId}#juries` : null;
		case 'competition':
			return `/organise/competitions/${ref.id}`;
		case 'kb_entry':
			return `/kb/${ref.id}`;
		case 'department':
			return `/admin/departments/${ref.id}`;
	}
}

/** Looks a referenced id up: its name and page as the reader may see them, or null when it is gone (or never was). */
export type Resolve = (kind: RefKind, id: number) => { label: string; href: string | null } | null;

export function resolverFor(references: Reference[], access: (kind: RefKind, ref: Reference) => Access): Resolve {
	const byKey = new Map(references.map((r) => [`${r.kind}:${r.id}`, r]));
	return (kind, id) => {
		const ref = byKey.get(`${kind}:${id}`);
		if (!ref) return null;
		const may = access(kind, ref);
		if (may === 'none') return { label: `#${id}`, href: null };
		return { label: ref.label, href: may === 'open' ? hrefOf(kind, ref) : null };
	};
}

/** `mentorId` reads "mentor", `ideaIds` "ideas", `scoreBasis` "score basis". */
export function keyLabel(key: string): string {
	const bare = KEY_KINDS[key] ? key.replace(/Ids$/, 's').replace(/Id$/, '') : key;
	return bare
		.replace(/_/g, ' ')
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.toLowerCase();
}

function textOf(value: unknown): string {
	if (value === null || value === undefined || value === '') return '—';
	return typeof value === 'string' ? value : JSON.stringify(value);
}

/** One value as parts: ids named by `kind` linked, lists joined, a change as "from → to", nested objects as key: value. */
function partsOf(value: unknown, kind: RefKind | null, resolve: Resolve): Part[] {
	if (Array.isArray(value)) {
		const separator = value.some((v) => isRecord(v)) ? '; ' : ', ';
		if (!value.length) return [{ text: '—' }];
		return value.flatMap((v, i) => [...(i ? [{ text: separator }] : []), ...partsOf(v, kind, resolve)]);
	}
	if (isRecord(value)) {
		const keys = Object.keys(value);
		if (keys.length === 2 && 'from' in value && 'to' in value) {
			return [...partsOf(value.from, kind, resolve), { text: ' → ' }, ...partsOf(value.to, kind, resolve)];
		}
		if (!keys.length) return [{ text: '—' }];
		keys.sort();
		return keys.flatMap((k, i) => [{ text: `${i ? ', ' : ''}${keyLabel(k)}: ` }, ...partsOf(value[k], KEY_KINDS[k] ?? null, resolve)]);
	}
	const id = kind ? asId(value) : null;
	if (kind && id !== null) {
		const found = resolve(kind, id);
		if (found) return [found.href ? { text: found.label, href: found.href } : { text: found.label }];
		return [{ text: `#${id}` }];
	}
	return [{ text: textOf(value) }];
}

/**
 * The details of a line, one per key, by key (the database keeps no order of its own);
 * details that are not an object read as one value.
 */
export function describeData(data: unknown, resolve: Resolve): Detail[] {
	if (data === null || data === undefined) return [];
	if (!isRecord(data)) return [{ key: '', parts: partsOf(data, null, resolve) }];
	return Object.keys(data)
		.sort()
		.map((key) => ({ key: keyLabel(key), parts: partsOf(data[key], KEY_KINDS[key] ?? null, resolve) }));
}

/** The line's object: its name, linked, or its type and id when it has no page or is gone. */
export function describeObject(objectType: string, objectId: string | null, resolve: Resolve): Part {
	const kind = objectKindOf(objectType);
	const id = kind ? asId(objectId) : null;
	const found = kind && id !== null ? resolve(kind, id) : null;
	if (found) return found.href ? { text: found.label, href: found.href } : { text: found.label };
	return { text: [objectType, objectId].filter(Boolean).join(' ') };
}

/** The details as one line of text (the CSV export): `mentor: Pieter de Groot; assignment id: 40`. */
export function detailsText(details: Detail[]): string {
	return details.map((d) => (d.key ? `${d.key}: ` : '') + d.parts.map((p) => p.text).join('')).join('; ');
}
