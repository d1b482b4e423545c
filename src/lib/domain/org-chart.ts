/**
 * The organisation's shape, as pure rules: job and education levels, the reporting line
 * (a manager's manager too), same-team peers, and the cycles neither managers nor
 * departments may form. Used by people admin, the HR import, SCIM and the conflict rules.
 */

export const JOB_LEVELS = ['operator', 'technician', 'engineer', 'specialist', 'manager', 'director'] as const;
export type JobLevel = (typeof JOB_LEVELS)[number];

export const EDUCATION_LEVELS = ['vmbo', 'mbo', 'hbo', 'wo'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export const LOCALES = ['en', 'nl'] as const;
export type Locale = (typeof LOCALES)[number];

/** Who reports to whom: a person's id to their manager's id (null or absent: nobody). */
export type ManagerOf = ReadonlyMap<number, number | null | undefined>;

/**
 * The reporting line above a person, nearest first: their manager, that manager's manager,
 * and so on to the top. Stops at a cycle (each person once) so bad data cannot loop.
 */
export function reportingLine(managerOf: ManagerOf, personId: number): number[] {
	const line: number[] = [];
	const seen = new Set<number>([personId]);
	let next = managerOf.get(personId);
	while (next != null && !seen.has(next)) {
		line.push(next);
		seen.add(next);
		next = managerOf.get(next);
	}
	return line;
}

/** Does `candidateId` sit anywhere above `personId` in the reporting line? */
export function isAbove(managerOf: ManagerOf, candidateId: number, personId: number): boolean {
	return reportingLine(managerOf, personId).includes(candidateId);
}

/** Two different people with the same direct manager. */
export function arePeers(managerOf: ManagerOf, a: number, b: number): boolean {
	if (a === b) return false;
	const m = managerOf.get(a);
	return m != null && m === managerOf.get(b);
}

/**
 * Would giving `personId` the manager `managerId` close a loop? True when the person would
 * manage themselves, directly or through the line above the new manager.
 */
export function wouldCycle(managerOf: ManagerOf, personId: number, managerId: number | null): boolean {
	if (managerId == null) return false;
	if (managerId === personId) return true;
	return reportingLine(managerOf, managerId).includes(personId);
}

/**
 * Every person caught in a loop of the chart (a manages b manages a), e.g. after reading
 * a whole HR file: the ids, each once, in ascending order.
 */
export function cycleMembers(managerOf: ManagerOf): number[] {
	const inCycle = new Set<number>();
	const done = new Set<number>();
	for (const start of managerOf.keys()) {
		if (done.has(start)) continue;
		const path: number[] = [];
		const onPath = new Map<number, number>();
		let current: number | null | undefined = start;
		while (current != null && !done.has(current) && !onPath.has(current)) {
			onPath.set(current, path.length);
			path.push(current);
			current = managerOf.get(current);
		}
		if (current != null && onPath.has(current)) for (const id of path.slice(onPath.get(current))) inCycle.add(id);
		for (const id of path) done.add(id);
	}
	return [...inCycle].sort((a, b) => a - b);
}
