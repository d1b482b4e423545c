/**
 * Pitch day's planner (issue 14), pure: the times of a session's slots and breaks, and "Plan
 * for me", which orders the ideas a jury hears in one session.
 *
 * Times: a session starts at `startsAt`; the items follow each other without gaps. A pitch
 * slot lasts `slotMinutes`, a break its own minutes, so item i starts at the session's start
 * plus the lengths of everything before it.
 *
 * "Plan for me":
 * - only ready ideas are placed (their mentor marked them ready); the others come back in
 *   `notReady`, for the organiser to "add anyway";
 * - a department's ideas follow each other (one block per department; departments in the
 *   order of their lowest idea id, ideas by id within a block), so a final's session spanning
 *   departments hears each department together;
 * - no idea is placed in a slot that overlaps one of its team's unavailable times: blocks and
 *   the ideas inside them are moved (a search over the blocks' order, a matching inside each
 *   block) until every idea fits;
 * - when no order fits, the plan keeps the departments together as well as it can and
 *   reports each idea left in a slot it cannot make (`unavailable` warnings, `complete`
 *   false);
 * - the same input always gives the same plan.
 * Breaks stay where they are: after the same number of pitches.
 */

export type Interval = readonly [start: Date, end: Date];

export type PlanIdea = {
	ideaId: number;
	departmentId: number | null;
	ready: boolean;
	/** The team's unavailable times. */
	unavailable: readonly Interval[];
};

export type PlanBreak = { afterPitches: number; minutes: number };

export type PlanSession = { startsAt: Date; slotMinutes: number; breaks: readonly PlanBreak[] };

export type PlannedItem =
	{ kind: 'pitch'; ideaId: number; startsAt: Date; endsAt: Date } | { kind: 'break'; minutes: number; startsAt: Date; endsAt: Date };

export type PlanWarning = { code: 'unavailable'; ideaId: number };

export type PlanResult = {
	/** The ideas in the order they pitch. */
	order: number[];
	/** Pitches and breaks with their times. */
	items: PlannedItem[];
	/** Not ready: left out, listed apart. */
	notReady: number[];
	warnings: PlanWarning[];
	/** Every placed idea fits its team's available times. */
	complete: boolean;
};

const MINUTE = 60_000;

/** Do two half-open intervals [a, b) and [c, d) overlap? */
export function overlaps(a: Interval, b: Interval): boolean {
	return a[0].getTime() < b[1].getTime() && b[0].getTime() < a[1].getTime();
}

/** An item of a session's order, for the arithmetic of its times. */
export type TimedItem = { kind: 'pitch' } | { kind: 'break'; minutes: number };

/** The start and end of each item: each starts when everything before it has ended. */
export function itemTimes(startsAt: Date, slotMinutes: number, items: readonly TimedItem[]): { startsAt: Date; endsAt: Date }[] {
	let at = startsAt.getTime();
	return items.map((item) => {
		const minutes = item.kind === 'pitch' ? slotMinutes : item.minutes;
		const start = at;
		at += minutes * MINUTE;
		return { startsAt: new Date(start), endsAt: new Date(at) };
	});
}

/** The pitch slots' times when a session holds `count` pitches with its breaks. */
function pitchWindows(session: PlanSession, count: number): Interval[] {
	const items = layout(session, count);
	const times = itemTimes(session.startsAt, session.slotMinutes, items);
	return times.filter((_, i) => items[i].kind === 'pitch').map((t) => [t.startsAt, t.endsAt] as const);
}

/** Pitches and breaks in order: each break after its number of pitches (a break past the end stays at the end). */
function layout(session: PlanSession, count: number): TimedItem[] {
	const breaks = [...session.breaks].sort((a, b) => a.afterPitches - b.afterPitches);
	const items: TimedItem[] = [];
	let b = 0;
	for (let i = 0; i <= count; i++) {
		while (b < breaks.length && Math.min(breaks[b].afterPitches, count) === i) {
			items.push({ kind: 'break', minutes: breaks[b].minutes });
			b++;
		}
		if (i < count) items.push({ kind: 'pitch' });
	}
	return items;
}

const fits = (idea: PlanIdea, window: Interval) => !idea.unavailable.some((u) => overlaps(u, window));

/**
 * Ideas to windows, one each, every idea in a window it can make: Kuhn's augmenting paths,
 * ideas and windows tried in order, a free window before taking one over (deterministic). Returns the idea per window, or null.
 */
function match(ideas: readonly PlanIdea[], windows: readonly Interval[]): PlanIdea[] | null {
	const owner: (number | null)[] = windows.map(() => null);
	const tryIdea = (i: number, seen: boolean[]): boolean => {
		// A free window first (so ideas keep their id order where they can), then one to take over.
		const free = windows.findIndex((window, w) => !seen[w] && owner[w] === null && fits(ideas[i], window));
		if (free >= 0) {
			owner[free] = i;
			return true;
		}
		for (let w = 0; w < windows.length; w++) {
			if (seen[w] || !fits(ideas[i], windows[w])) continue;
			seen[w] = true;
			if (owner[w] === null || tryIdea(owner[w]!, seen)) {
				owner[w] = i;
				return true;
			}
		}
		return false;
	};
	for (let i = 0; i < ideas.length; i++)
		if (
			!tryIdea(
				i,
				windows.map(() => false)
			)
		)
			return null;
	return owner.map((i) => ideas[i!]);
}

/** How many block orders the search tries before it settles for the best effort. */
const SEARCH_LIMIT = 20_000;

export function planSession(ideas: readonly PlanIdea[], session: PlanSession): PlanResult {
	const ready = ideas.filter((i) => i.ready).sort((a, b) => a.ideaId - b.ideaId);
	const notReady = ideas
		.filter((i) => !i.ready)
		.map((i) => i.ideaId)
		.sort((a, b) => a - b);
	const windows = pitchWindows(session, ready.length);

	// One block per department, in the order of their lowest idea id.
	const blocks: PlanIdea[][] = [];
	const byDept = new Map<number | null, PlanIdea[]>();
	for (const idea of ready) {
		let block = byDept.get(idea.departmentId);
		if (!block) {
			block = [];
			byDept.set(idea.departmentId, block);
			blocks.push(block);
		}
		block.push(idea);
	}

	// Depth first over the blocks' order; each block matched inside the windows it would take.
	let steps = 0;
	const used = blocks.map(() => false);
	const search = (start: number, placed: PlanIdea[]): PlanIdea[] | null => {
		if (start === windows.length) return placed;
		for (let b = 0; b < blocks.length; b++) {
			if (used[b]) continue;
			if (++steps > SEARCH_LIMIT) return null;
			const matched = match(blocks[b], windows.slice(start, start + blocks[b].length));
			if (!matched) continue;
			used[b] = true;
			const done = search(start + blocks[b].length, [...placed, ...matched]);
			used[b] = false;
			if (done) return done;
		}
		return null;
	};
	const found = search(0, []);
	const order = found ?? bestEffort(blocks, windows);

	const warnings: PlanWarning[] = [];
	order.forEach((idea, i) => {
		if (!fits(idea, windows[i])) warnings.push({ code: 'unavailable', ideaId: idea.ideaId });
	});

	const items = layout(session, order.length);
	const times = itemTimes(session.startsAt, session.slotMinutes, items);
	let p = 0;
	const planned: PlannedItem[] = items.map((item, i) =>
		item.kind === 'pitch'
			? { kind: 'pitch', ideaId: order[p++].ideaId, ...times[i] }
			: { kind: 'break', minutes: item.minutes, ...times[i] }
	);
	return { order: order.map((i) => i.ideaId), items: planned, notReady, warnings, complete: warnings.length === 0 };
}

/**
 * No order fits: blocks in their own order, and inside each block as many ideas as possible
 * in windows they can make (greedy in id order), the rest in the windows left.
 */
function bestEffort(blocks: readonly PlanIdea[][], windows: readonly Interval[]): PlanIdea[] {
	const out: PlanIdea[] = [];
	let start = 0;
	for (const block of blocks) {
		const slice = windows.slice(start, start + block.length);
		const slots: (PlanIdea | null)[] = slice.map(() => null);
		const rest: PlanIdea[] = [];
		for (const idea of block) {
			const w = slice.findIndex((window, k) => slots[k] === null && fits(idea, window));
			if (w >= 0) slots[w] = idea;
			else rest.push(idea);
		}
		for (let k = 0; k < slots.length; k++) if (slots[k] === null) slots[k] = rest.shift()!;
		out.push(...(slots as PlanIdea[]));
		start += block.length;
	}
	return out;
}

/**
 * Is a jury short for one idea? Too few jurors can judge it when fewer than 2 of them, or
 * fewer than half of the jury, have no conflict with it.
 */
export function juryShort(jurySize: number, conflicted: number): boolean {
	const free = jurySize - conflicted;
	return free < 2 || free * 2 < jurySize;
}

/**
 * Where an order moves one item: `earlier`/`later` swap it with its neighbour, a number puts
 * it at that 1-based position. Returns the ids in their new order (unchanged when it cannot move).
 */
export function moveItem(ids: readonly number[], id: number, to: 'earlier' | 'later' | number): number[] {
	const from = ids.indexOf(id);
	if (from < 0) return [...ids];
	const target = to === 'earlier' ? from - 1 : to === 'later' ? from + 1 : to - 1;
	const clamped = Math.max(0, Math.min(ids.length - 1, target));
	const out = ids.filter((x) => x !== id);
	out.splice(clamped, 0, id);
	return out;
}
