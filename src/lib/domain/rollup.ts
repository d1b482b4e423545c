/**
 * The results an entry adds up to: what the original team measured, plus what each
 * department that adopted it measured itself. Example: the team saves 120 hours, Test
 * adopts and saves 40, Engineering pilots and saves 18: hours original 120, adoptions 58
 * (2 departments), total 178. A department that found it "not suitable" counts nowhere.
 */
export type ResultLine = { kind: string; value: number };
export type AdoptionResults = { status: string; results: readonly ResultLine[] };
export type KindTotal = { kind: string; original: number; adoptions: number; adoptingDepartments: number; total: number };

const ORDER = ['hours', 'euros', 'defects', 'safety', 'other'];

export function totalResults(original: readonly ResultLine[], adoptions: readonly AdoptionResults[]): KindTotal[] {
	const totals = new Map<string, KindTotal>();
	const line = (kind: string) => {
		let t = totals.get(kind);
		if (!t) totals.set(kind, (t = { kind, original: 0, adoptions: 0, adoptingDepartments: 0, total: 0 }));
		return t;
	};
	for (const r of original) line(r.kind).original += r.value;
	for (const a of adoptions) {
		if (a.status === 'not_suitable') continue;
		const kinds = new Set<string>();
		for (const r of a.results) {
			line(r.kind).adoptions += r.value;
			kinds.add(r.kind);
		}
		for (const k of kinds) line(k).adoptingDepartments++;
	}
	return [...totals.values()]
		.map((t) => ({ ...t, original: round2(t.original), adoptions: round2(t.adoptions), total: round2(t.original + t.adoptions) }))
		.sort((a, b) => rank(a.kind) - rank(b.kind));
}

/** How far an entry has spread: departments per adoption status (not_suitable included, so it can be shown). */
export function countByStatus(adoptions: readonly { status: string }[]): Record<string, number> {
	const counts: Record<string, number> = { considering: 0, piloting: 0, adopted: 0, not_suitable: 0 };
	for (const a of adoptions) counts[a.status] = (counts[a.status] ?? 0) + 1;
	return counts;
}

function rank(kind: string) {
	const i = ORDER.indexOf(kind);
	return i === -1 ? ORDER.length : i;
}

function round2(n: number) {
	return Math.round(n * 100) / 100;
}
