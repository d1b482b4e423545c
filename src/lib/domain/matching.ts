/**
 * Mentor suggestions (PRODUCT.md "Mentoring"): the portal proposes, the organiser assigns.
 * Pure: the caller loads the idea and the mentor profiles with their current load.
 */

export type MentorStatus = 'active' | 'paused';

export interface MentorCandidate {
	userId: number;
	name: string;
	departmentId: number;
	expertise: readonly string[];
	languages: readonly string[];
	capacity: number;
	/** Assignments now proposed or accepted. */
	active: number;
	status: MentorStatus;
}

export interface IdeaForMatching {
	tags: readonly string[];
	processArea: string | null;
	departmentId: number;
	/** The language the team works in, e.g. 'nl' or 'en'. */
	language?: string | null;
	/** Submitter and co-submitters: they cannot mentor their own idea. */
	teamUserIds: readonly number[];
}

export interface MatchOptions {
	preferOtherDepartment: boolean;
	/** At most this many suggestions; all eligible mentors when left out. */
	limit?: number;
}

/** Why a mentor was suggested, as data; the page words it ("matches lean, quality; 1 of 3 places free"). */
export interface MatchReasons {
	/** The idea's tags and process area found in the mentor's expertise, spelled as on the idea. */
	matches: string[];
	free: number;
	capacity: number;
	/** The mentor works in another department than the idea's (scored only when preferred). */
	otherDepartment: boolean;
	/** Speaks the idea's language; null when the idea names none. */
	speaksLanguage: boolean | null;
}

export interface MentorSuggestion {
	mentor: MentorCandidate;
	score: number;
	reasons: MatchReasons;
}

/**
 * The weights of a suggestion. A matching expertise outweighs everything else together,
 * so a mentor who knows the subject is always suggested above one who only has time.
 */
export const MATCH_WEIGHTS = {
	/** Per tag or process area in the mentor's expertise. */
	expertise: 10,
	/** Per free place, counting at most `freePlacesCounted` places. */
	freePlace: 1,
	freePlacesCounted: 3,
	/** When the organiser prefers a mentor from another department and this one is. */
	otherDepartment: 3,
	/** When the mentor speaks the idea's language. */
	language: 2
} as const;

/** A mentor can take another idea when active and below capacity. */
export function canTakeMore(mentor: Pick<MentorCandidate, 'status' | 'capacity' | 'active'>): boolean {
	return mentor.status === 'active' && mentor.active < mentor.capacity;
}

const norm = (s: string) => s.trim().toLowerCase();

/** 'nl-NL' speaks 'nl': compare the primary language only. */
const primaryLanguage = (s: string) => norm(s).split(/[-_]/)[0];

const collator = new Intl.Collator('en', { sensitivity: 'base' });

/**
 * Suggests mentors for an idea, best first. Paused mentors, mentors at or over capacity and
 * the idea's own team are left out. Score = 10 per expertise match (tags and process area,
 * case-insensitive) + 1 per free place (at most 3) + 3 for another department (only with
 * `preferOtherDepartment`) + 2 for speaking the idea's language. Equal scores: name
 * (alphabetical, ignoring case and accents), then user id.
 *
 * Example: idea tagged Lean and Quality in process area Assembly, language nl, department 3;
 * a mentor with expertise lean, quality, safety, languages nl and en, capacity 3, 2 active,
 * from department 5, other department preferred:
 * 2 * 10 + 1 * 1 + 3 + 2 = 26, reasons { matches: ['Lean', 'Quality'], free: 1, capacity: 3,
 * otherDepartment: true, speaksLanguage: true }.
 */
export function suggestMentors(idea: IdeaForMatching, mentors: readonly MentorCandidate[], options: MatchOptions): MentorSuggestion[] {
	if (options.limit !== undefined && (!Number.isInteger(options.limit) || options.limit < 0))
		throw new RangeError(`limit must be a whole number >= 0, got ${options.limit}`);
	const terms = new Map<string, string>();
	for (const t of [...idea.tags, ...(idea.processArea ? [idea.processArea] : [])]) {
		const key = norm(t);
		if (key && !terms.has(key)) terms.set(key, t.trim());
	}
	const team = new Set(idea.teamUserIds);
	const language = idea.language ? primaryLanguage(idea.language) : null;
	const w = MATCH_WEIGHTS;

	const suggestions = mentors
		.filter((m) => canTakeMore(m) && !team.has(m.userId))
		.map((mentor): MentorSuggestion => {
			const expertise = new Set(mentor.expertise.map(norm));
			const matches = [...terms].filter(([key]) => expertise.has(key)).map(([, label]) => label);
			const free = mentor.capacity - mentor.active;
			const otherDepartment = mentor.departmentId !== idea.departmentId;
			const speaksLanguage = language === null ? null : mentor.languages.some((l) => primaryLanguage(l) === language);
			const score =
				w.expertise * matches.length +
				w.freePlace * Math.min(free, w.freePlacesCounted) +
				(options.preferOtherDepartment && otherDepartment ? w.otherDepartment : 0) +
				(speaksLanguage ? w.language : 0);
			return { mentor, score, reasons: { matches, free, capacity: mentor.capacity, otherDepartment, speaksLanguage } };
		})
		.sort(
			(a, b) =>
				b.score - a.score ||
				collator.compare(a.mentor.name, b.mentor.name) ||
				(a.mentor.name < b.mentor.name ? -1 : a.mentor.name > b.mentor.name ? 1 : 0) ||
				a.mentor.userId - b.mentor.userId
		);
	return options.limit === undefined ? suggestions : suggestions.slice(0, options.limit);
}
