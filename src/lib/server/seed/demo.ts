/**
 * The deterministic demo organisation: "IdeaCup Demo Company", a high-tech manufacturer
 * with eight departments, 61 people, three editions of the Improvement Cup (closed 2025,
 * judged in a semi-final and a final, with a knowledge base and roll-outs; judging 2026 with
 * an open semi-final; open 2027) and the Safety Challenge 2026 (its final open for the
 * directors), mentors, juries, score sheets, notifications and an audit trail; on the ideas
 * wall, colleagues' supports, follows and public comments (one hidden by the organiser), a
 * one-minute idea from a poster and an idea a team leader entered for a colleague (demo-voices.ts).
 *
 * It shows only what the portal does: notifications of the kinds and with the params the
 * services send, rounds whose stored ranks and outcomes are what their score sheets give
 * (checked here through the round's own results), and something real to do for each persona.
 *
 * Runs under SvelteKit and from the CLI (`tsx scripts/db.ts seed`): relative imports only.
 * Same rows every run: a fixed-seed PRNG for choices, and dates relative to `now` truncated
 * to UTC midnight so the demo always looks current.
 */
import { DEFAULT_CRITERIA } from '../../domain/criteria.js';
import { sql, type InsertObject, type Transaction } from 'kysely';
import type { Database } from '../db/index.js';
import type { DB } from '../db/schema.js';
import { IDEAS_2025 } from './demo-ideas-2025.js';
import { IDEAS_2026, IDEAS_2027 } from './demo-ideas-2026.js';
import { IDEAS_SAFETY } from './demo-ideas-safety.js';
import {
	DEPARTMENTS,
	EMAIL_DOMAIN,
	employeeNumber,
	headcountGrid,
	MENTORS,
	PEOPLE,
	PROCESS_AREAS,
	TAGS,
	type DeptCode
} from './demo-org.js';
import type { CompKey, IdeaSeed, ResultSeed } from './demo-types.js';
import { loadRoundRecord } from '../scoring/round-record.js';
import { conflictSources as ruleConflictSources, type ConflictSource } from '../../domain/scoring.js';
import { mulberry32 } from '../../domain/random.js';
import { GROUP_DEFAULTS, mailGroupOf, type MailDelivery } from '../mail/kinds.js';
import { ACCEPTED_AND_LATER } from '../../domain/idea-status.js';
import { ENTERED_IDEA, FOLLOWS, ONE_MINUTE_IDEA, SUPPORTS, VOICE_COMMENTS } from './demo-voices.js';
import { DemoFiles, seedLivingInstructions } from './demo-instructions.js';
import { GLOSSARY } from './demo-glossary.js';
import { fileStore } from '../attachments/storage.js';

export type DemoRole = 'employee' | 'mentor' | 'juror' | 'organiser' | 'admin';

/** The people the demo sign-in offers and the end-to-end tests use. Find them by e-mail. */
export const DEMO_PERSONAS: ReadonlyArray<{ role: DemoRole; email: string; name: string }> = [
	{ role: 'employee', email: 'sanne.bakker@ideacup.example', name: 'Sanne Bakker' },
	{ role: 'mentor', email: 'pieter.degroot@ideacup.example', name: 'Pieter de Groot' },
	{ role: 'juror', email: 'marieke.visser@ideacup.example', name: 'Marieke Visser' },
	{ role: 'juror', email: 'hans.mulder@ideacup.example', name: 'Hans Mulder' },
	{ role: 'organiser', email: 'ruud.vandijk@ideacup.example', name: 'Ruud van Dijk' },
	{ role: 'admin', email: 'esther.smit@ideacup.example', name: 'Esther Smit' }
];

export type SeedOptions = { reset?: boolean; now?: Date };

type Trx = Transaction<DB>;
type Status =
	| 'draft'
	| 'submitted'
	| 'screening'
	| 'returned'
	| 'declined'
	| 'withdrawn'
	| 'accepted'
	| 'coaching'
	| 'semi_final'
	| 'not_advanced'
	| 'finalist'
	| 'winner'
	| 'runner_up'
	| 'implemented'
	| 'published';

const ORGANISER = 'ruud.vandijk';
const ORGANISER_2 = 'karin.vos';
const ADMIN = 'esther.smit';
const DAY = 86_400_000;
const MINUTE = 60_000;

// ---------------------------------------------------------------- deterministic randomness

class Rng {
	private readonly next: () => number;
	constructor(seed: number) {
		this.next = mulberry32(seed);
	}
	float(lo = 0, hi = 1): number {
		return lo + (hi - lo) * this.next();
	}
	/** Integer in lo..hi inclusive. */
	int(lo: number, hi: number): number {
		return lo + Math.floor(this.next() * (hi - lo + 1));
	}
	chance(p: number): boolean {
		return this.next() < p;
	}
	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}
}

// ---------------------------------------------------------------- the scoring round's criteria

// The same defaults a new round gets from the template.
const CRITERIA = DEFAULT_CRITERIA;

const CRITERION_COMMENTS: Record<string, { high: string[]; low: string[] }> = {
	roll_out: {
		high: [
			'Directly usable on the other module lines and in Test.',
			'Other departments can copy this within a week.',
			'TST and LOG have exactly the same problem.'
		],
		low: ['Very specific to this station; little to roll out.', 'Hard to see who else would use this.']
	},
	quality: {
		high: ['Removes a known cause of NCRs.', 'Clear link to customer findings.'],
		low: ['Quality effect not shown with data yet.', 'I do not see a direct effect on product quality.']
	},
	safety: {
		high: ['Clear reduction of a physical risk.', 'EHS should see this one.'],
		low: ['No real safety aspect.', 'Not a safety improvement, which is fine.']
	},
	savings: {
		high: ['Savings well substantiated with re-work hours.', 'Pays back within months.'],
		low: ['Savings estimate looks optimistic.', 'Cost of the solution itself is missing.']
	},
	feasibility: {
		high: ['Can be done with existing means.', 'Already tried at one station, works.'],
		low: ['Needs IT and the supplier; check the lead time.', 'Investment not yet approved; risky.']
	},
	originality: {
		high: ['Have not seen this approach here before.', 'Smart and simple.'],
		low: ['Similar to what another department already does; fine to reuse.', 'A known solution.']
	}
};

const OVERALL_COMMENTS = [
	'Well presented, with a clear before and after.',
	'Good idea. Make the baseline measurement stronger before the final.',
	'Strong on roll-out; please talk to Test & Calibration, they have the same problem.',
	'Nice and simple. The best ideas often are.',
	'I miss the cost of the solution itself.',
	'Convincing demonstration at the station.',
	'Please involve EHS before implementation.',
	'Good teamwork across shifts, visible in the presentation.',
	'The problem is real; the solution needs one more iteration.',
	'Would like to see this at the final.',
	'Solid improvement; implement it in the department regardless of the ranking.'
];

const COACHING_NOTES: ReadonlyArray<{ notes: string; next: string }> = [
	{
		notes:
			'First meeting. Went through the problem together and agreed to measure how often it happens over the next two weeks before talking about solutions.',
		next: 'Collect two weeks of data.'
	},
	{
		notes:
			'Looked at the baseline numbers together. The problem is bigger than expected on the late shift; we will ask the team leader why.',
		next: 'Talk to the team leader of the late shift.'
	},
	{
		notes: 'The solution was tried at one station for a week. Colleagues like it; two small changes before the rest of the line follows.',
		next: 'Make the two changes; ask the other shift for feedback.'
	},
	{
		notes: 'Discussed roll-out: at least two other departments have the same situation. Contacted them to check whether they would use it.',
		next: 'Add the roll-out analysis to the presentation.'
	},
	{
		notes: 'Dry run of the presentation: 7 minutes, needs to fit in 5. Put the before and after numbers on the first slide, not the last.',
		next: 'Shorten the story; rehearse once more.'
	},
	{
		notes: 'Final rehearsal with two colleagues as audience. Clear story, good answers to questions. Ready for the semi-final.',
		next: 'Present at the semi-final.'
	}
];

const CHECK_ITEMS = ['problem_defined', 'baseline_measured', 'solution_tried', 'roll_out_analysed', 'presentation_rehearsed'] as const;

/** Per juror: how far they are with their semi-final sheets ('all' or a count of complete sheets, plus unfinished ones). */
const JUROR_PLAN: Record<string, { complete: number | 'all'; incomplete?: number; bias: number }> = {
	'jeroen.willems': { complete: 9, incomplete: 1, bias: -0.55 },
	'marieke.visser': { complete: 5, bias: 0 },
	'erik.brouwer': { complete: 'all', bias: 0.5 },
	'monique.hermans': { complete: 2, incomplete: 1, bias: -0.45 },
	'sander.kuipers': { complete: 'all', bias: 0.45 },
	'pieter.degroot': { complete: 'all', bias: 0.1 },
	'martijn.prins': { complete: 0, bias: 0 },
	'ingrid.post': { complete: 'all', bias: 0 },
	'wouter.huisman': { complete: 'all', bias: 0.3 },
	'frank.timmermans': { complete: 'all', bias: -0.2 },
	'suzanne.peeters': { complete: 'all', bias: 0.55 },
	'daan.verbeek': { complete: 3, incomplete: 1, bias: -0.6 },
	'marco.veenstra': { complete: 0, bias: 0 },
	'eline.koning': { complete: 0, bias: 0 },
	'arjen.wijnands': { complete: 2, bias: 0.2 }
};

/**
 * Semi-final presentation days per department, in working days from today (negative: held
 * already; positive: still to come). Five working days back is never before scoring opened.
 */
const SEMI_PRESENTATION_WORKDAY: Record<DeptCode, number[]> = {
	CORP: [5],
	BO: [-5, -4],
	QA: [-3],
	LOG: [-3],
	TST: [-2],
	ENG: [-1],
	EHS: [2],
	GEN: [3]
};

/** The demo's pitch sessions: a 30-minute slot, 10 minutes pitch and 10 questions. */
const PITCH = { slotMinutes: 30, pitchMinutes: 10, questionsMinutes: 10 } as const;
/** A session of more than this many pitches gets a coffee break halfway. */
const PITCH_BREAK_AFTER = 4;
const PITCH_UNAVAILABLE_NOTES = [
	'Afternoon shift that day; in the morning we can both be there.',
	'One of us is at a supplier the next morning.'
];

interface PitchSessionPlan {
	/** Calendar-day offset of the session. */
	day: number;
	/** Idea keys in presentation order. */
	ideas: string[];
	room: string;
	/** Per position (1-based order): the index of the idea in `ideas`, or a break. */
	positions: (number | 'break')[];
}

/**
 * The order of a demo session's slots: the pitches in order, with a break halfway through a
 * session of more than `breakAfter` pitches (after ceil(n / 2) pitches).
 */
export function planPitchSession(pitches: number, breakAfter: number): (number | 'break')[] {
	const positions: (number | 'break')[] = Array.from({ length: pitches }, (_, i) => i);
	if (pitches > breakAfter) positions.splice(Math.ceil(pitches / 2), 0, 'break');
	return positions;
}

const DECLARED_CONFLICT = {
	juror: 'jeroen.willems',
	idea: 'bo-leak-standby',
	reason:
		'I negotiated the standby option with the leak-tester supplier last year and have a stake in the outcome. I would rather not judge this one.'
};

// ---------------------------------------------------------------- calls

const CALL_2025 = `Do you see something in your daily work that could be done better, safer or simpler? Then the first Improvement Cup is for you.

Everyone can take part, alone or with colleagues, from any department and any job. Ideas that improve quality, safety or a work process go to a semi-final with your department's management team, and the best ones to the final with the directors. Experienced colleagues coach you as mentors, from the first sketch to the presentation.`;

const CALL_2026 = `The Improvement Cup is back. Last year nine ideas reached the knowledge base, and several of them were rolled out to other departments — from torque-tool checks to shadow boards on the cleanroom trolleys.

This year we especially look for ideas from the shop floor: operators and technicians see the problems first. Submit your idea before the closing date; you get an answer within 10 working days, and a mentor helps you measure, test and present it. Ideas may be written in Dutch or English.`;

const CALL_2027 = `Every day you see things that could work better: a step in the work instruction that nobody follows, a tool that is never where you need it, a risk everybody has got used to. With the Improvement Cup 2027 we invite all colleagues — in the cleanroom, the warehouse, the test cells and the office — to turn those observations into ideas that improve quality, safety or the way we work.

You do not need a finished plan, a perfect text or a degree. Write down what you see and what you would change, in Dutch or English, alone or with your team. You will hear from us within 10 working days, and an experienced colleague will mentor you: together you measure the problem, try the solution and prepare a short presentation for your department's management team. The best ideas go to the final, and every improvement that works is shared in the knowledge base so that other departments can use it too.`;

const CALL_SAFETY = `A short, themed edition with Environment, Health & Safety: what in your daily work could hurt someone, and how would you take that risk away?

Near misses, awkward lifts, blind corners, a guard that is always open — write it down with your solution. A panel of the EHS management team picks the best three, and they present them to the directors in the final.`;

const COMP_NAMES: Record<CompKey, string> = {
	2025: 'Improvement Cup 2025',
	2026: 'Improvement Cup 2026',
	2027: 'Improvement Cup 2027',
	safety: 'Safety Challenge 2026'
};

/** The directors' jury of every final, its chair first. */
const FINAL_JURY = ['hans.mulder', 'annelies.jansen', 'bart.hendriks', 'willemijn.devries'];
const EHS_PANEL = ['astrid.verhoeven', 'paul.jonker', 'nadia.mertens'];

/**
 * The rounds judged before today (and the Safety Challenge's open final), each named as its
 * organiser named it. Days are offsets from today; `decided`: when the outcomes were
 * confirmed (the ideas' status changes), `published`: when the teams got their feedback.
 */
type PastRoundKey = 'semi2025' | 'final2025' | 'panelSafety' | 'finalSafety';
interface PastRoundPlan {
	key: PastRoundKey;
	comp: CompKey;
	position: number;
	name: string;
	kind: 'semi_final' | 'final';
	scope: 'department' | 'competition';
	status: 'open' | 'published';
	advancementRule: 'top_n' | 'threshold' | 'manual';
	advancementCount?: number;
	advancementThreshold?: number;
	created: number;
	opens: number;
	closes: number;
	closed?: number;
	published?: number;
	/** Who scores: the departments' MTs, or one jury for the whole competition. */
	jury: 'department_mts' | { name: string; members: readonly string[] };
}

const PAST_ROUNDS: readonly PastRoundPlan[] = [
	{
		key: 'semi2025',
		comp: 2025,
		position: 1,
		name: 'Department semi-final',
		kind: 'semi_final',
		scope: 'department',
		status: 'published',
		advancementRule: 'threshold',
		advancementThreshold: 70,
		created: -445,
		opens: -430,
		closes: -416,
		closed: -415,
		published: -411,
		jury: 'department_mts'
	},
	{
		key: 'final2025',
		comp: 2025,
		position: 2,
		name: 'Company final',
		kind: 'final',
		scope: 'competition',
		status: 'published',
		advancementRule: 'manual',
		created: -445,
		opens: -405,
		closes: -400,
		closed: -399,
		published: -397,
		jury: { name: 'Higher management', members: FINAL_JURY }
	},
	{
		key: 'panelSafety',
		comp: 'safety',
		position: 1,
		name: 'Panel review',
		kind: 'semi_final',
		scope: 'competition',
		status: 'published',
		advancementRule: 'top_n',
		advancementCount: 3,
		created: -70,
		opens: -60,
		closes: -49,
		closed: -48,
		published: -45,
		jury: { name: 'Safety panel (EHS MT)', members: EHS_PANEL }
	},
	{
		key: 'finalSafety',
		comp: 'safety',
		position: 2,
		name: "Directors' final",
		kind: 'final',
		scope: 'competition',
		status: 'open',
		advancementRule: 'manual',
		created: -70,
		opens: -2,
		closes: 8,
		jury: { name: 'Higher management', members: FINAL_JURY }
	}
];

/** How far each director is with the Safety Challenge's open final: complete sheets, then unfinished ones. */
const SAFETY_FINAL_PLAN: Record<string, { complete: number; incomplete?: number }> = {
	'annelies.jansen': { complete: 3 },
	'bart.hendriks': { complete: 2, incomplete: 1 },
	'willemijn.devries': { complete: 1 },
	'hans.mulder': { complete: 0 }
};

// ---------------------------------------------------------------- the seed

export async function seedDemo(db: Database, options: SeedOptions = {}): Promise<{ seeded: boolean; summary: string }> {
	const now = options.now ?? new Date();
	const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());

	// The demo's files (issue 17) are stored before its rows commit: a failed seed deletes them
	// again, and a reset deletes the files of the rows it truncates once it has committed.
	const files = new DemoFiles();
	let replaced: string[] = [];
	let result: string | null;
	try {
		result = await db.transaction().execute(async (trx) => {
			const existing = await trx.selectFrom('department').select('id').limit(1).executeTakeFirst();
			if (existing && !options.reset) return null;
			if (options.reset) {
				replaced = (await trx.selectFrom('attachment').select('storageKey').execute()).map((a) => a.storageKey);
				await truncateAll(trx);
			}
			return new DemoBuilder(trx, today, files).run();
		});
	} catch (error) {
		await files.discard();
		throw error;
	}
	if (!result) return { seeded: false, summary: 'database is not empty' };
	for (const key of replaced)
		await fileStore()
			.delete(key)
			.catch(() => {});
	await sql`ANALYZE`.execute(db);
	return { seeded: true, summary: result };
}

async function truncateAll(trx: Trx): Promise<void> {
	const { rows } = await sql<{ tablename: string }>`
		SELECT tablename FROM pg_tables
		WHERE schemaname = current_schema() AND tablename NOT LIKE 'kysely\\_%'`.execute(trx);
	if (!rows.length) return;
	const list = rows.map((r) => `"${r.tablename.replace(/"/g, '""')}"`).join(', ');
	await sql.raw(`TRUNCATE TABLE ${list} RESTART IDENTITY CASCADE`).execute(trx);
}

async function insertAll<T extends keyof DB>(trx: Trx, table: T, rows: InsertObject<DB, T>[]): Promise<void> {
	for (let i = 0; i < rows.length; i += 1000) {
		await trx
			.insertInto(table)
			.values(rows.slice(i, i + 1000))
			.execute();
	}
}

function json(value: unknown): string {
	return JSON.stringify(value);
}

interface Step {
	from: Status;
	to: Status;
	at: Date;
	actor: string;
	reason: string | null;
}

/** A notification as a service would have sent it (kind, params and link as in src/lib/server/**\/*.service.ts). */
type Note = { user: string; kind: string; params: Record<string, unknown>; link: string | null; at: Date; read: boolean };
type AuditLine = { actor: string | null; action: string; type: string; id: string | null; data: Record<string, unknown>; at: Date };

interface PastRound {
	id: number;
	plan: PastRoundPlan;
	/** Per department (department scope) or 'all' (competition scope). */
	juries: Map<DeptCode | 'all', { id: number; members: readonly string[] }>;
}

interface PlannedIdea {
	seed: IdeaSeed;
	dept: DeptCode;
	status: Status;
	created: Date;
	steps: Step[];
	/** The organiser who screened it. */
	organiser: string;
	mentorProposedAt: Date | null;
	coachingAt: Date | null;
	semiFinalAt: Date | null;
}

class DemoBuilder {
	private readonly rng = new Rng(20260417);
	private readonly users = new Map<string, number>();
	private readonly person = new Map(PEOPLE.map((p) => [p.key, p]));
	private readonly depts = new Map<DeptCode, number>();
	private readonly areas = new Map<string, number>();
	private readonly tags = new Map<string, number>();
	private readonly comps = new Map<CompKey, number>();
	private readonly ideaIds = new Map<string, number>();
	private readonly planned: PlannedIdea[] = [];
	private semiRoundId = 0;
	private finalRoundId = 0;
	private readonly criteria = new Map<string, number>(); // `${roundId}:${code}` -> id
	private readonly semiJuries = new Map<DeptCode, number>();
	/** Semi-final presentation day per idea key. */
	private readonly slotDay = new Map<string, number>();
	/** The rounds of the 2025 edition and of the Safety Challenge. */
	private readonly pastRounds = new Map<PastRoundKey, PastRound>();
	/** Own streams for the Safety Challenge's ideas and the past rounds' sheets, so the rest of the demo stays as it was. */
	private readonly safetyRng = new Rng(20260301);
	private readonly pastRng = new Rng(20250601);
	/** Notifications and audit lines of the judging, written out with the rest in around(). */
	private readonly judgingNotes: Note[] = [];
	private readonly judgingAudit: AuditLine[] = [];
	/** Mentoring notifications: proposals to mentors, requests and declines to the organisers. */
	private readonly mentoringNotes: Note[] = [];

	constructor(
		private readonly trx: Trx,
		private readonly today: number,
		private readonly files: DemoFiles
	) {}

	/** A moment `day` days from today (UTC midnight), at hour:minute UTC. */
	private at(day: number, hour = 9, minute = 0): Date {
		return new Date(this.today + day * DAY + hour * 3_600_000 + minute * MINUTE);
	}

	/** When the edition's submission window opens. */
	private opens(comp: CompKey): Date {
		return comp === 2025 ? this.at(-540, 7) : comp === 2026 ? this.at(-90, 7) : comp === 'safety' ? this.at(-150, 7) : this.at(-5, 7);
	}

	private rngFor(seed: IdeaSeed): Rng {
		return seed.comp === 'safety' ? this.safetyRng : this.rng;
	}

	/** The calendar-day offset of the n-th working day before (n < 0) or after (n > 0) today. */
	private workday(n: number): number {
		let day = 0;
		for (let left = Math.abs(n); left > 0;) {
			day += Math.sign(n);
			const weekday = new Date(this.today + day * DAY).getUTCDay();
			if (weekday !== 0 && weekday !== 6) left--;
		}
		return day;
	}

	private dateOnly(d: Date): string {
		return d.toISOString().slice(0, 10);
	}

	/**
	 * E-mail came to the portal recently: notifications of the last three days went by e-mail as
	 * each person's default for the kind says (nobody in the demo changed theirs); older ones
	 * stayed in the portal.
	 */
	private mailOf(n: Note): { mail: MailDelivery; emailedAt: Date | null } {
		if (this.dayOf(n.at) < -3) return { mail: 'off', emailedAt: null };
		const mail = GROUP_DEFAULTS[mailGroupOf(n.kind)];
		return { mail, emailedAt: mail === 'immediate' ? new Date(n.at.getTime() + 2 * MINUTE) : null };
	}

	private dayOf(d: Date): number {
		return Math.floor((d.getTime() - this.today) / DAY);
	}

	private uid(key: string): number {
		const id = this.users.get(key);
		if (id === undefined) throw new Error(`demo seed: unknown person ${key}`);
		return id;
	}

	private iid(key: string): number {
		const id = this.ideaIds.get(key);
		if (id === undefined) throw new Error(`demo seed: unknown idea ${key}`);
		return id;
	}

	private deptOf(key: string): DeptCode {
		const p = this.person.get(key);
		if (!p) throw new Error(`demo seed: unknown person ${key}`);
		return p.dept;
	}

	private nameOf(key: string): string {
		return this.person.get(key)?.name ?? key;
	}

	async run(): Promise<string> {
		await this.organisation();
		await this.competitions();
		await this.ideas();
		await this.mentoring();
		await this.judging();
		for (const round of this.pastRounds.values()) await this.judgePastRound(round);
		await this.knowledgeBase();
		await this.around();
		await this.livingInstructions();
		const ideaCount = IDEAS_2025.length + IDEAS_2026.length + IDEAS_2027.length + IDEAS_SAFETY.length;
		const kbCount = IDEAS_2025.filter((i) => i.kb).length;
		return `${DEPARTMENTS.length} departments, ${PEOPLE.length} people, ${this.comps.size} competitions, ${ideaCount} ideas, ${kbCount} knowledge-base entries, 2 work instructions, ${GLOSSARY.length} glossary terms`;
	}

	// ------------------------------------------------------------ organisation

	private async organisation(): Promise<void> {
		const { trx } = this;
		const created = this.at(-720, 8);
		for (const level of [null, 'CORP'] as const) {
			const rows = DEPARTMENTS.filter((d) => d.parent === level).map((d) => ({
				code: d.code,
				name: d.name,
				nameNl: d.nameNl,
				parentId: d.parent ? (this.depts.get(d.parent) ?? null) : null,
				headcount: d.headcount,
				createdAt: created,
				updatedAt: created
			}));
			const inserted = await trx.insertInto('department').values(rows).returning(['id', 'code']).execute();
			for (const r of inserted) this.depts.set(r.code as DeptCode, r.id);
		}

		const lastSeen: Record<string, number> = {
			'sanne.bakker': -1,
			'pieter.degroot': -1,
			'marieke.visser': -1,
			'ruud.vandijk': -1,
			'esther.smit': -2,
			'hans.mulder': -3
		};
		const userRows = PEOPLE.map((p, i) => ({
			email: `${p.key}@${EMAIL_DOMAIN}`,
			name: p.name,
			employeeNumber: employeeNumber(i),
			departmentId: this.depts.get(p.dept)!,
			jobTitle: p.title,
			jobLevel: p.level,
			educationLevel: p.edu,
			locale: p.locale,
			createdAt: this.at(-720 + (i % 20), 8, i),
			lastSeenAt: p.key in lastSeen ? this.at(lastSeen[p.key], 14, 10 + (i % 40)) : i % 3 === 0 ? this.at(-this.rng.int(2, 40), 12) : null
		}));
		const users = await trx.insertInto('appUser').values(userRows).returning(['id', 'email']).execute();
		for (const u of users) this.users.set(u.email.slice(0, u.email.indexOf('@')), u.id);

		const pairs = PEOPLE.filter((p) => p.manager).map((p) => sql`(${this.uid(p.key)}::int, ${this.uid(p.manager!)}::int)`);
		await sql`UPDATE app_user AS u SET manager_id = v.manager FROM (VALUES ${sql.join(pairs)}) AS v(id, manager) WHERE u.id = v.id`.execute(
			trx
		);
		await insertAll(
			trx,
			'departmentMtMember',
			DEPARTMENTS.flatMap((d) => d.mt.map((key) => ({ departmentId: this.depts.get(d.code)!, userId: this.uid(key), addedAt: created })))
		);
		await insertAll(
			trx,
			'departmentHeadcount',
			DEPARTMENTS.flatMap((d) => headcountGrid(d.headcount).map((c) => ({ departmentId: this.depts.get(d.code)!, ...c })))
		);

		await insertAll(trx, 'roleGrant', [
			{ userId: this.uid(ADMIN), role: 'admin', grantedBy: null, grantedAt: this.at(-720, 9) },
			{ userId: this.uid(ORGANISER), role: 'organiser', grantedBy: this.uid(ADMIN), grantedAt: this.at(-600, 10, 12) },
			{ userId: this.uid(ORGANISER_2), role: 'organiser', grantedBy: this.uid(ADMIN), grantedAt: this.at(-130, 13, 40) }
		]);

		const areas = await trx
			.insertInto('processArea')
			.values(PROCESS_AREAS.map((a) => ({ code: a.code, nameEn: a.en, nameNl: a.nl })))
			.returning(['id', 'code'])
			.execute();
		for (const a of areas) this.areas.set(a.code, a.id);
		const tags = await trx
			.insertInto('tag')
			.values(TAGS.map((name) => ({ name })))
			.returning(['id', 'name'])
			.execute();
		for (const t of tags) this.tags.set(t.name, t.id);

		await insertAll(
			trx,
			'mentorProfile',
			MENTORS.map((m, i) => ({
				userId: this.uid(m.key),
				expertise: m.expertise,
				languages: m.languages,
				capacity: m.capacity,
				bio: m.bio,
				status: m.status,
				createdAt: this.at(-620 + i * 9, 10)
			}))
		);
	}

	// ------------------------------------------------------------ competitions, rounds, juries

	private async competitions(): Promise<void> {
		const { trx } = this;
		const rows: Array<{ key: CompKey; slug: string; callText: string; closes: Date; status: string; createdAt: Date }> = [
			{
				key: 2025,
				slug: 'improvement-cup-2025',
				callText: CALL_2025,
				closes: this.at(-450, 22),
				status: 'closed',
				createdAt: this.at(-565, 11)
			},
			{
				key: 2026,
				slug: 'improvement-cup-2026',
				callText: CALL_2026,
				closes: this.at(-20, 22),
				status: 'judging',
				createdAt: this.at(-112, 11)
			},
			{
				key: 2027,
				slug: 'improvement-cup-2027',
				callText: CALL_2027,
				closes: this.at(60, 22),
				status: 'open',
				createdAt: this.at(-30, 11)
			},
			{
				key: 'safety',
				slug: 'safety-challenge-2026',
				callText: CALL_SAFETY,
				closes: this.at(-100, 22),
				status: 'judging',
				createdAt: this.at(-170, 11)
			}
		];
		const inserted = await trx
			.insertInto('competition')
			.values(
				rows.map((c) => ({
					slug: c.slug,
					name: COMP_NAMES[c.key],
					callText: c.callText,
					submissionOpensAt: this.opens(c.key),
					submissionClosesAt: c.closes,
					responseDays: 10,
					preferOtherDepartmentMentor: true,
					status: c.status,
					createdBy: this.uid(ORGANISER),
					// Escalations (an answer overdue past its steps) go above the day-to-day organiser, to the director who sponsors the programme.
					programmeLeadId: this.uid(ORGANISER_2),
					createdAt: c.createdAt
				}))
			)
			.returning(['id', 'slug'])
			.execute();
		for (const c of inserted) this.comps.set(rows.find((r) => r.slug === c.slug)!.key, c.id);

		// Every department but the head office takes part; in the Safety Challenge EHS judges instead.
		const eligible: InsertObject<DB, 'competitionDepartment'>[] = [];
		for (const [key, compId] of this.comps) {
			for (const d of DEPARTMENTS)
				if (d.code !== 'CORP' && !(key === 'safety' && d.code === 'EHS'))
					eligible.push({ competitionId: compId, departmentId: this.depts.get(d.code)! });
		}
		await insertAll(trx, 'competitionDepartment', eligible);

		const comp2026 = this.comps.get(2026)!;
		const rounds = await trx
			.insertInto('round')
			.values([
				{
					competitionId: comp2026,
					position: 1,
					name: 'Semi-final',
					kind: 'semi_final',
					scope: 'department',
					scoringOpensAt: this.at(-7, 7),
					scoringClosesAt: this.at(10, 22),
					advancementRule: 'top_n',
					advancementCount: 3,
					scoreBasis: 'raw',
					scoresVisible: 'after_close',
					status: 'open',
					createdAt: this.at(-14, 10)
				},
				{
					competitionId: comp2026,
					position: 2,
					name: 'Final',
					kind: 'final',
					scope: 'competition',
					scoringOpensAt: this.at(24, 7),
					scoringClosesAt: this.at(31, 22),
					advancementRule: 'manual',
					scoreBasis: 'raw',
					scoresVisible: 'after_close',
					status: 'draft',
					createdAt: this.at(-14, 10, 20)
				}
			])
			.returning(['id', 'position'])
			.execute();
		this.semiRoundId = rounds.find((r) => r.position === 1)!.id;
		this.finalRoundId = rounds.find((r) => r.position === 2)!.id;

		// After the 2026 rounds, so those keep the first ids.
		const past = await trx
			.insertInto('round')
			.values(
				PAST_ROUNDS.map((r) => ({
					competitionId: this.comps.get(r.comp)!,
					position: r.position,
					name: r.name,
					kind: r.kind,
					scope: r.scope,
					scoringOpensAt: this.at(r.opens, 7),
					scoringClosesAt: this.at(r.closes, 22),
					advancementRule: r.advancementRule,
					advancementCount: r.advancementCount ?? null,
					advancementThreshold: r.advancementThreshold ?? null,
					scoreBasis: 'raw',
					scoresVisible: 'after_close',
					status: r.status,
					closedAt: r.closed !== undefined ? this.at(r.closed, 9) : null,
					closedBy: r.closed !== undefined ? this.uid(ORGANISER) : null,
					createdAt: this.at(r.created, 10, r.position)
				}))
			)
			.returning(['id', 'competitionId', 'position'])
			.execute();
		for (const plan of PAST_ROUNDS) {
			const row = past.find((r) => r.competitionId === this.comps.get(plan.comp) && r.position === plan.position)!;
			this.pastRounds.set(plan.key, { id: row.id, plan, juries: new Map() });
		}

		const roundIds = [this.semiRoundId, this.finalRoundId, ...[...this.pastRounds.values()].map((r) => r.id)];
		const criteriaRows = roundIds.flatMap((roundId) =>
			CRITERIA.map((c, i) => ({
				roundId,
				position: i + 1,
				code: c.code,
				name: c.name,
				description: c.description,
				weight: c.weight,
				scaleMin: c.scaleMin,
				scaleMax: c.scaleMax,
				isRollOut: c.isRollOut,
				rubric: json(c.rubric)
			}))
		);
		const criteria = await trx.insertInto('roundCriterion').values(criteriaRows).returning(['id', 'roundId', 'code']).execute();
		for (const c of criteria) this.criteria.set(`${c.roundId}:${c.code}`, c.id);

		const juryRows = DEPARTMENTS.filter((d) => d.code !== 'CORP').map((d) => ({
			roundId: this.semiRoundId,
			departmentId: this.depts.get(d.code)!,
			name: `${d.name} MT`
		}));
		const juries = await trx
			.insertInto('jury')
			.values([...juryRows, { roundId: this.finalRoundId, departmentId: null, name: 'Higher management' }])
			.returning(['id', 'departmentId'])
			.execute();
		const deptById = new Map([...this.depts].map(([code, id]) => [id, code]));
		let finalJury = 0;
		for (const j of juries) {
			if (j.departmentId === null) finalJury = j.id;
			else this.semiJuries.set(deptById.get(j.departmentId)!, j.id);
		}
		const members: InsertObject<DB, 'juryMember'>[] = [];
		for (const d of DEPARTMENTS) {
			if (d.code === 'CORP') continue;
			d.mt.forEach((key, i) =>
				members.push({ juryId: this.semiJuries.get(d.code)!, userId: this.uid(key), isChair: i === 0, addedAt: this.at(-12, 9, i) })
			);
		}
		FINAL_JURY.forEach((key, i) =>
			members.push({ juryId: finalJury, userId: this.uid(key), isChair: i === 0, addedAt: this.at(-10, 15, i) })
		);

		// The juries of the past rounds: each department's MT, or the one jury of the round.
		const pastJuries = [...this.pastRounds.values()].flatMap(
			(r): Array<{ round: PastRound; dept: DeptCode | 'all'; name: string; members: readonly string[] }> =>
				r.plan.jury === 'department_mts'
					? DEPARTMENTS.filter((d) => d.code !== 'CORP').map((d) => ({
							round: r,
							dept: d.code,
							name: `${d.name} MT`,
							members: d.mt
						}))
					: [{ round: r, dept: 'all' as const, name: r.plan.jury.name, members: r.plan.jury.members }]
		);
		const insertedPast = await trx
			.insertInto('jury')
			.values(
				pastJuries.map((j) => ({ roundId: j.round.id, departmentId: j.dept === 'all' ? null : this.depts.get(j.dept)!, name: j.name }))
			)
			.returning(['id', 'roundId', 'departmentId'])
			.execute();
		pastJuries.forEach((j) => {
			const departmentId = j.dept === 'all' ? null : this.depts.get(j.dept)!;
			const id = insertedPast.find((r) => r.roundId === j.round.id && r.departmentId === departmentId)!.id;
			j.round.juries.set(j.dept, { id, members: j.members });
			j.members.forEach((key, k) =>
				members.push({ juryId: id, userId: this.uid(key), isChair: k === 0, addedAt: this.at(j.round.plan.created, 11, k) })
			);
		});
		await insertAll(trx, 'juryMember', members);
	}

	// ------------------------------------------------------------ ideas and their timelines

	private transitions(seed: IdeaSeed): Array<{ to: Status; by: 'owner' | 'organiser' | 'mentor'; reason?: string }> {
		const m = seed.message;
		const screen = [
			{ to: 'submitted' as const, by: 'owner' as const },
			{ to: 'screening' as const, by: 'organiser' as const }
		];
		const accept = [...screen, { to: 'accepted' as const, by: 'organiser' as const }];
		const coach = seed.mentor ? [{ to: 'coaching' as const, by: 'mentor' as const }] : [];
		switch (seed.story) {
			case 'draft':
				return [];
			case 'submitted':
				return [{ to: 'submitted', by: 'owner' }];
			case 'screening':
				return screen;
			case 'returned':
				return [...screen, { to: 'returned', by: 'organiser', reason: m }];
			case 'resubmitted':
				return [...screen, { to: 'returned', by: 'organiser', reason: m }, { to: 'submitted', by: 'owner' }];
			case 'declined':
				return [...screen, { to: 'declined', by: 'organiser', reason: m }];
			case 'withdrawn':
				return [
					{ to: 'submitted', by: 'owner' },
					{ to: 'withdrawn', by: 'owner', reason: m }
				];
			case 'accepted':
				return accept;
			case 'coaching':
				return [...accept, ...coach];
			case 'semi_final':
				return [...accept, ...coach, { to: 'semi_final', by: 'organiser' }];
			case 'not_advanced':
				return [...accept, ...coach, { to: 'semi_final', by: 'organiser' }, { to: 'not_advanced', by: 'organiser', reason: m }];
			case 'finalist':
				return [
					...accept,
					...coach,
					{ to: 'semi_final', by: 'organiser' },
					{ to: 'finalist', by: 'organiser', reason: this.advancedReason(seed) }
				];
			case 'published': {
				const dept = DEPARTMENTS.find((d) => d.code === this.deptOf(seed.owner))!;
				const advanced = { to: 'finalist' as const, by: 'organiser' as const, reason: this.advancedReason(seed) };
				const result: Array<{ to: Status; by: 'owner' | 'organiser' | 'mentor'; reason?: string }> =
					seed.award === 'winner'
						? [advanced, { to: 'winner', by: 'organiser', reason: 'Highest score in the final.' }]
						: seed.award === 'runner_up'
							? [advanced, { to: 'runner_up', by: 'organiser', reason: 'Second-highest score in the final.' }]
							: seed.award === 'finalist'
								? [advanced]
								: [
										{
											to: 'not_advanced',
											by: 'organiser',
											reason: `Below the threshold for the final in the ${dept.name} semi-final. The MT recommends implementing it in the department and sharing it in the knowledge base.`
										}
									];
				return [
					...accept,
					...coach,
					{ to: 'semi_final', by: 'organiser' },
					...result,
					{ to: 'implemented', by: 'owner' },
					{ to: 'published', by: 'organiser' }
				];
			}
		}
	}

	/** The reason the team reads when its idea goes through to the final. */
	private advancedReason(seed: IdeaSeed): string {
		if (seed.comp === 'safety') return "One of the panel's three highest scores: on to the directors' final.";
		const dept = DEPARTMENTS.find((d) => d.code === this.deptOf(seed.owner))!;
		return `Above the threshold of 70 in the ${dept.name} semi-final: on to the final with the directors.`;
	}

	/** Day offsets: created, then one per transition. */
	private days(seed: IdeaSeed, tos: Status[]): number[] {
		if (seed.days) {
			if (seed.days.length !== tos.length + 1) throw new Error(`demo seed: ${seed.key} needs ${tos.length + 1} days`);
			return seed.days;
		}
		if (seed.comp === 'safety') throw new Error(`demo seed: ${seed.key} needs its days`);
		const r = this.rng;
		if (seed.comp === 2025) {
			const published = r.int(-330, -300);
			const out = [r.int(-535, -470)];
			for (const to of tos) {
				const prev = out[out.length - 1];
				const gap: Partial<Record<Status, number>> = {
					submitted: prev + r.int(1, 4),
					screening: prev + r.int(1, 3),
					accepted: prev + r.int(3, 8),
					coaching: prev + r.int(3, 6),
					semi_final: -430,
					finalist: -412,
					not_advanced: -412,
					winner: -398,
					runner_up: -398,
					implemented: published - r.int(20, 40),
					published
				};
				out.push(gap[to] ?? prev + 1);
			}
			return out;
		}
		const createdRange: Partial<Record<IdeaSeed['story'], [number, number]>> = {
			semi_final: [-88, -50],
			coaching: [-80, -50],
			accepted: [-72, -45],
			declined: [-85, -30],
			submitted: [-55, -25],
			screening: [-45, -25],
			draft: [-40, -21]
		};
		const [lo, hi] = createdRange[seed.story] ?? [-60, -30];
		const out = [r.int(lo, hi)];
		let firstSubmit = true;
		for (const to of tos) {
			const prev = out[out.length - 1];
			let day: number;
			switch (to) {
				case 'submitted':
					day = prev + r.int(0, 3);
					if (firstSubmit && seed.comp === 2026) day = Math.min(day, -21);
					firstSubmit = false;
					break;
				case 'screening':
					day = prev + r.int(1, 3);
					break;
				case 'accepted':
				case 'returned':
				case 'declined':
					day = prev + r.int(2, 9);
					break;
				case 'coaching':
					day = prev + r.int(3, 6);
					break;
				case 'semi_final':
					day = -9;
					break;
				default:
					day = prev + 1;
			}
			out.push(Math.min(Math.max(day, prev), -1));
		}
		return out;
	}

	private plan(seed: IdeaSeed, index: number): PlannedIdea {
		const r = this.rngFor(seed);
		const trans = this.transitions(seed);
		const days = this.days(
			seed,
			trans.map((t) => t.to)
		);
		const organiser = seed.answeredBy ?? (index % 4 === 3 ? ORGANISER_2 : ORGANISER);
		const opens = this.opens(seed.comp);
		let created = this.at(days[0], r.int(6, 15), r.int(0, 59));
		if (created < opens) created = new Date(opens.getTime() + r.int(20, 240) * MINUTE);
		const steps: Step[] = [];
		let prev = created;
		let from: Status = 'draft';
		let mentorProposedAt: Date | null = null;
		let coachingAt: Date | null = null;
		let semiFinalAt: Date | null = null;
		trans.forEach((t, i) => {
			const day = days[i + 1];
			let at: Date;
			if (t.to === 'semi_final' && seed.comp === 2026) at = this.at(day, 10, index % 50);
			else if (seed.comp === 'safety' && (t.to === 'semi_final' || t.to === 'finalist' || t.to === 'not_advanced'))
				at = this.at(day, t.to === 'semi_final' ? 10 : 11, index % 50);
			else if (t.by === 'organiser') at = this.at(day, r.int(7, 15), r.int(0, 59));
			else at = this.at(day, r.int(6, 19), r.int(0, 59));
			if (at.getTime() <= prev.getTime()) at = new Date(prev.getTime() + r.int(10, 90) * MINUTE);
			const actor = t.by === 'owner' ? seed.owner : t.by === 'mentor' ? seed.mentor! : organiser;
			if (t.to === 'coaching') {
				coachingAt = at;
				mentorProposedAt = new Date(prev.getTime() + Math.floor((at.getTime() - prev.getTime()) * 0.5));
			}
			if (t.to === 'semi_final') semiFinalAt = at;
			steps.push({ from, to: t.to, at, actor, reason: t.reason ?? null });
			from = t.to;
			prev = at;
		});
		return { seed, dept: this.deptOf(seed.owner), status: from, created, steps, organiser, mentorProposedAt, coachingAt, semiFinalAt };
	}

	private async ideas(): Promise<void> {
		const { trx } = this;
		const seeds = [...IDEAS_2025, ...IDEAS_2026, ...IDEAS_2027, ...IDEAS_SAFETY];
		const titles = new Set(seeds.map((s) => s.title));
		if (titles.size !== seeds.length) throw new Error('demo seed: idea titles must be unique');
		seeds.forEach((seed, i) => this.planned.push(this.plan(seed, i)));

		const rows = this.planned.map((p) => {
			const submits = p.steps.filter((s) => s.to === 'submitted');
			const last = p.steps.length ? p.steps[p.steps.length - 1].at : new Date(p.created.getTime() + 40 * MINUTE);
			const lastSubmit = submits.length ? submits[submits.length - 1].at : null;
			const answer = lastSubmit
				? p.steps.find((s) => s.at > lastSubmit && (s.to === 'accepted' || s.to === 'returned' || s.to === 'declined'))
				: undefined;
			return {
				competitionId: this.comps.get(p.seed.comp)!,
				departmentId: this.depts.get(p.dept)!,
				processAreaId: this.areas.get(p.seed.area) ?? null,
				title: p.seed.title,
				problem: p.seed.problem,
				proposal: p.seed.proposal,
				status: p.status,
				award: p.seed.award ?? null,
				version: 1 + Math.max(0, submits.length - 1),
				createdBy: this.uid(p.seed.owner),
				createdAt: p.created,
				updatedAt: last,
				firstSubmittedAt: submits.length ? submits[0].at : null,
				submittedAt: lastSubmit,
				answeredAt: answer ? answer.at : null
			};
		});
		const inserted = await trx.insertInto('idea').values(rows).returning(['id', 'title']).execute();
		const byTitle = new Map(inserted.map((r) => [r.title, r.id]));
		for (const p of this.planned) this.ideaIds.set(p.seed.key, byTitle.get(p.seed.title)!);

		const members: InsertObject<DB, 'ideaMember'>[] = [];
		const benefits: InsertObject<DB, 'ideaBenefit'>[] = [];
		const ideaTags: InsertObject<DB, 'ideaTag'>[] = [];
		const events: InsertObject<DB, 'ideaEvent'>[] = [];
		for (const p of this.planned) {
			const ideaId = this.iid(p.seed.key);
			members.push({ ideaId, userId: this.uid(p.seed.owner), role: 'owner', addedAt: p.created });
			(p.seed.members ?? []).forEach((m, i) =>
				members.push({ ideaId, userId: this.uid(m), role: 'member', addedAt: new Date(p.created.getTime() + (i + 1) * 47 * MINUTE) })
			);
			for (const bnf of p.seed.benefits) {
				benefits.push({
					ideaId,
					kind: bnf.kind,
					description: bnf.text,
					estimate: bnf.estimate ?? null,
					unit: bnf.estimate !== undefined ? (bnf.unit ?? null) : null
				});
			}
			for (const t of p.seed.tags) {
				const tagId = this.tags.get(t);
				if (tagId === undefined) throw new Error(`demo seed: unknown tag ${t}`);
				ideaTags.push({ ideaId, tagId });
			}
			events.push({
				ideaId,
				actorId: this.uid(p.seed.owner),
				kind: 'created',
				fromStatus: null,
				toStatus: 'draft',
				data: json({}),
				createdAt: p.created
			});
			for (const s of p.steps) {
				const data: Record<string, unknown> = {};
				if (s.to === 'semi_final' && p.seed.comp === 2026) data.roundId = this.semiRoundId;
				const judged = this.roundOfStep(p.seed.comp, s.to);
				if (judged) {
					data.roundId = judged.id;
					if (s.to !== 'semi_final') data.roundName = judged.plan.name;
				}
				if (s.to === 'coaching' && p.seed.mentor) data.mentorId = this.uid(p.seed.mentor);
				events.push({
					ideaId,
					actorId: this.uid(s.actor),
					kind: 'status_changed',
					fromStatus: s.from,
					toStatus: s.to,
					reason: s.reason,
					data: json(data),
					createdAt: s.at
				});
			}
		}
		await insertAll(trx, 'ideaMember', members);
		await insertAll(trx, 'ideaBenefit', benefits);
		await insertAll(trx, 'ideaTag', ideaTags);
		await insertAll(trx, 'ideaEvent', events);
	}

	/** The past round a status change belongs to: entering the semi-final, its outcome, the final's outcome. */
	private roundOfStep(comp: CompKey, to: Status): PastRound | undefined {
		const semi = comp === 2025 ? 'semi2025' : comp === 'safety' ? 'panelSafety' : null;
		const final = comp === 2025 ? 'final2025' : comp === 'safety' ? 'finalSafety' : null;
		if (!semi || !final) return undefined;
		if (to === 'semi_final' || to === 'finalist' || to === 'not_advanced') return this.pastRounds.get(semi);
		if (to === 'winner' || to === 'runner_up') return this.pastRounds.get(final);
		return undefined;
	}

	// ------------------------------------------------------------ mentoring

	private async mentoring(): Promise<void> {
		const { trx, rng: r } = this;
		const assignments: InsertObject<DB, 'mentorAssignment'>[] = [];
		const checks: InsertObject<DB, 'coachingCheck'>[] = [];
		const logs: InsertObject<DB, 'coachingLog'>[] = [];
		const events: InsertObject<DB, 'ideaEvent'>[] = [];
		// What the mentoring services tell: the mentor of a proposal, the organisers of a request or a decline.
		const tell = (p: PlannedIdea, users: string[], kind: string, at: Date, read: boolean) => {
			if (p.seed.comp === 2025) return;
			const link = kind === 'mentor_request' ? '/mentoring' : '/organise/mentors';
			for (const user of users)
				this.mentoringNotes.push({ user, kind, params: { ideaId: this.iid(p.seed.key), title: p.seed.title }, link, at, read });
		};
		const organisers = [ORGANISER, ORGANISER_2];

		for (const p of this.planned) {
			const ideaId = this.iid(p.seed.key);
			const organiserId = this.uid(p.organiser);
			const accepted = p.steps.find((s) => s.to === 'accepted');

			if (p.seed.mentorDeclined && accepted) {
				const end = p.coachingAt ?? this.at(-2, 9);
				const span = end.getTime() - accepted.at.getTime();
				const proposed = new Date(accepted.at.getTime() + Math.floor(span * 0.15));
				const answered = new Date(accepted.at.getTime() + Math.floor(span * 0.3));
				const mentorId = this.uid(p.seed.mentorDeclined.mentor);
				assignments.push({
					ideaId,
					mentorId,
					status: 'declined',
					assignedBy: organiserId,
					answerReason: p.seed.mentorDeclined.reason,
					createdAt: proposed,
					answeredAt: answered
				});
				events.push({
					ideaId,
					actorId: organiserId,
					kind: 'mentor_assigned',
					data: json({ mentorId, status: 'proposed' }),
					createdAt: proposed
				});
				events.push({
					ideaId,
					actorId: mentorId,
					kind: 'mentor_declined',
					reason: p.seed.mentorDeclined.reason,
					data: json({ mentorId }),
					createdAt: answered
				});
				tell(p, [p.seed.mentorDeclined.mentor], 'mentor_request', new Date(proposed.getTime() + MINUTE), true);
				tell(p, organisers, 'mentor_declined', new Date(answered.getTime() + MINUTE), this.dayOf(answered) < -2);
				if (p.mentorProposedAt && p.mentorProposedAt <= answered) p.mentorProposedAt = new Date(answered.getTime() + 2 * 3_600_000);
			}

			if (p.seed.mentor && p.coachingAt && p.mentorProposedAt) {
				const mentorId = this.uid(p.seed.mentor);
				const ended = p.status !== 'coaching';
				const readyAt = ended ? (p.seed.comp === 2025 ? this.at(-432, 15, r.int(0, 59)) : this.at(-10, 15, r.int(0, 59))) : null;
				assignments.push({
					ideaId,
					mentorId,
					status: ended ? 'ended' : 'accepted',
					assignedBy: organiserId,
					createdAt: p.mentorProposedAt,
					answeredAt: p.coachingAt,
					readyAt
				});
				events.push({
					ideaId,
					actorId: organiserId,
					kind: 'mentor_assigned',
					data: json({ mentorId, status: 'proposed' }),
					createdAt: p.mentorProposedAt
				});
				tell(p, [p.seed.mentor], 'mentor_request', new Date(p.mentorProposedAt.getTime() + MINUTE), true);
				if (readyAt) events.push({ ideaId, actorId: mentorId, kind: 'marked_ready', data: json({ mentorId }), createdAt: readyAt });

				const ownerId = this.uid(p.seed.owner);
				const from = this.dayOf(p.coachingAt) + 1;
				if (p.seed.key === 'sanne-kit-photo') {
					checks.push({ ideaId, item: 'problem_defined', doneBy: ownerId, doneAt: this.at(-54, 13, 5) });
					checks.push({ ideaId, item: 'baseline_measured', doneBy: ownerId, doneAt: this.at(-35, 14, 20) });
					logs.push(
						{
							ideaId,
							authorId: mentorId,
							sessionOn: this.dateOnly(this.at(-55)),
							createdAt: this.at(-55, 15, 2),
							notes:
								'First session with Sanne. The problem is clear; we agreed she counts the incomplete kits for four weeks and uses the re-issue transactions in SAP as a cross-check.',
							nextStep: 'Count incomplete kits per week; bring the list.'
						},
						{
							ideaId,
							authorId: mentorId,
							sessionOn: this.dateOnly(this.at(-36)),
							createdAt: this.at(-36, 14, 48),
							notes:
								'Sanne found 23 re-issues in 8 weeks, 17 of them for the same three small parts. A strong baseline. Next: try the photo template with the kitting team for two weeks.',
							nextStep: 'Agree a two-week trial with the kitting team in Logistics.'
						},
						{
							ideaId,
							authorId: ownerId,
							sessionOn: this.dateOnly(this.at(-15)),
							createdAt: this.at(-15, 13, 30),
							notes:
								'Trial running since last week. The kitters like the template; two incomplete kits were stopped at the table instead of in the cleanroom. We need a laminated, cleanroom-safe version of the photo.',
							nextStep: 'Ask Engineering for a cleanroom-safe print; start on the semi-final story.'
						}
					);
				} else {
					const count = ended ? CHECK_ITEMS.length : r.int(1, 4);
					const last = ended && readyAt ? this.dayOf(readyAt) : -1;
					for (let i = 0; i < count; i++) {
						const day = Math.min(from + Math.floor(((last - from) * (i + 1)) / (count + 1)), last);
						checks.push({
							ideaId,
							item: CHECK_ITEMS[i],
							doneBy: i < 3 ? ownerId : mentorId,
							doneAt: this.at(day, r.int(8, 16), r.int(0, 59))
						});
					}
					const notes = ended ? [r.int(0, 1), r.int(2, 3), 5] : count >= 3 ? [0, 2] : [0];
					notes.forEach((n, i) => {
						const day = Math.min(from + Math.floor(((last - from) * i) / notes.length), last);
						const when = this.at(day, r.int(9, 16), r.int(0, 59));
						logs.push({
							ideaId,
							authorId: i === notes.length - 1 && !ended ? ownerId : mentorId,
							sessionOn: this.dateOnly(when),
							notes: COACHING_NOTES[n].notes,
							nextStep: COACHING_NOTES[n].next,
							createdAt: new Date(when.getTime() + 50 * MINUTE)
						});
					});
				}
			}

			if (p.seed.mentorPending && accepted) {
				const mentorId = this.uid(p.seed.mentorPending.mentor);
				const requested = p.seed.mentorPending.status === 'requested';
				const createdAt = requested ? new Date(accepted.at.getTime() + DAY + 2 * 3_600_000) : this.at(-3, 9, 40);
				assignments.push({
					ideaId,
					mentorId,
					status: p.seed.mentorPending.status,
					assignedBy: requested ? this.uid(p.seed.owner) : organiserId,
					createdAt
				});
				events.push({
					ideaId,
					actorId: requested ? this.uid(p.seed.owner) : organiserId,
					kind: requested ? 'mentor_requested' : 'mentor_assigned',
					data: json({ mentorId, status: p.seed.mentorPending.status }),
					createdAt
				});
				const at = new Date(createdAt.getTime() + MINUTE);
				if (requested) tell(p, organisers, 'mentor_requested', at, this.dayOf(at) < -2);
				else tell(p, [p.seed.mentorPending.mentor], 'mentor_request', at, false);
			}
		}
		await insertAll(trx, 'mentorAssignment', assignments);
		await insertAll(trx, 'coachingCheck', checks);
		await insertAll(trx, 'coachingLog', logs);
		await insertAll(trx, 'ideaEvent', events);
	}

	// ------------------------------------------------------------ the semi-final

	private async judging(): Promise<void> {
		const { trx, rng: r } = this;
		const semi = this.planned.filter((p) => p.seed.comp === 2026 && p.status === 'semi_final');
		const entries: InsertObject<DB, 'roundEntry'>[] = [];
		const slots: InsertObject<DB, 'presentationSlot'>[] = [];
		const conflicts: InsertObject<DB, 'conflictOfInterest'>[] = [];
		const slotDay = this.slotDay;
		const slotEnd = new Map<string, Date>();

		// One pitch session per department per presentation day: that department's MT in its
		// room, from 08:00, a slot every 30 minutes (10 minutes pitch, 10 questions), a coffee
		// break halfway through a session of more than four pitches (the pitches after it start
		// one slot later; every idea keeps its day and its place in the order). All published
		// once (what teams and jurors were told is what the slot says), none live yet.
		const sessions: (PitchSessionPlan & { row: InsertObject<DB, 'pitchSession'> })[] = [];
		for (const d of DEPARTMENTS) {
			const ideas = semi.filter((p) => p.dept === d.code);
			const days = SEMI_PRESENTATION_WORKDAY[d.code].map((n) => this.workday(n));
			const perDay = Math.ceil(ideas.length / days.length);
			days.forEach((day, n) => {
				const today = ideas.slice(n * perDay, (n + 1) * perDay);
				if (!today.length) return;
				const startsAt = this.at(day, 8, 0);
				const positions = planPitchSession(today.length, PITCH_BREAK_AFTER);
				const row = {
					roundId: this.semiRoundId,
					juryId: this.semiJuries.get(d.code)!,
					startsAt,
					room: d.room,
					slotMinutes: PITCH.slotMinutes,
					pitchMinutes: PITCH.pitchMinutes,
					questionsMinutes: PITCH.questionsMinutes,
					status: 'planned',
					createdBy: this.uid(ORGANISER),
					createdAt: this.at(-10, 14, 0)
				};
				sessions.push({ positions, day, ideas: today.map((p) => p.seed.key), room: d.room, row });
				today.forEach((p) => {
					slotDay.set(p.seed.key, day);
					entries.push({ roundId: this.semiRoundId, ideaId: this.iid(p.seed.key), juryId: this.semiJuries.get(d.code)! });
				});
			});
		}
		await insertAll(trx, 'roundEntry', entries);
		const publishedAt = this.at(Math.min(-8, ...sessions.map((s) => s.day - 1)), 15, 0);
		const sessionIds = await trx
			.insertInto('pitchSession')
			.values(sessions.map((s) => ({ ...s.row, planVersion: 1, publishedAt })))
			.returning('id')
			.execute();
		sessions.forEach((s, n) => {
			const sessionStart = s.row.startsAt as Date;
			s.positions.forEach((slot, i) => {
				const startsAt = new Date(sessionStart.getTime() + i * PITCH.slotMinutes * MINUTE);
				// A slot lasts the session's slot length, as the planner counts it (pitch, questions, changeover).
				const endsAt = new Date(startsAt.getTime() + PITCH.slotMinutes * MINUTE);
				const key = slot === 'break' ? null : s.ideas[slot];
				// When the team finished presenting (pitch and questions): later demo events follow it.
				if (key) slotEnd.set(key, new Date(startsAt.getTime() + (PITCH.pitchMinutes + PITCH.questionsMinutes) * MINUTE));
				slots.push({
					roundId: this.semiRoundId,
					ideaId: key ? this.iid(key) : null,
					sessionId: sessionIds[n].id,
					position: i + 1,
					kind: slot === 'break' ? 'break' : 'pitch',
					startsAt,
					endsAt,
					location: s.room,
					toldAt: publishedAt,
					toldStartsAt: startsAt,
					toldEndsAt: endsAt,
					toldLocation: s.room,
					icsSequence: 1
				});
			});
		});
		await insertAll(trx, 'presentationSlot', slots);

		// Teams whose session is still to come said when they cannot present (the first two
		// ideas of every future session; no random draws, so the rest of the demo stays as it was).
		const unavailable: InsertObject<DB, 'pitchUnavailability'>[] = [];
		for (const s of sessions.filter((x) => x.day > 0)) {
			s.ideas.slice(0, 2).forEach((key, i) => {
				const p = semi.find((x) => x.seed.key === key)!;
				const day = i === 0 ? s.day : s.day + 1;
				unavailable.push({
					ideaId: this.iid(key),
					startsAt: this.at(day, i === 0 ? 13 : 8, 0),
					endsAt: this.at(day, i === 0 ? 17 : 12, 0),
					note: PITCH_UNAVAILABLE_NOTES[i],
					createdBy: this.uid(p.seed.owner),
					createdAt: this.at(-2, 11, 15 + i * 7)
				});
			});
		}
		await insertAll(trx, 'pitchUnavailability', unavailable);

		// Conflicts of interest as the portal finds them (team, mentor, anyone above a team member
		// in the reporting line); one declared. `direct` is the narrower rule the demo's sheets were
		// first drawn under (see drawnConflict): drawn the same, so the rest of the data stays.
		const conflicted = new Set<string>();
		const direct = new Set<string>();
		for (const p of semi) {
			const mt = DEPARTMENTS.find((d) => d.code === p.dept)!.mt;
			for (const juror of mt) {
				for (const source of this.conflictSources(p, juror)) {
					conflicts.push({ userId: this.uid(juror), ideaId: this.iid(p.seed.key), source, createdAt: this.at(-9, 10, 30) });
					conflicted.add(`${juror}|${p.seed.key}`);
				}
				if (this.drawnConflict(p, juror)) direct.add(`${juror}|${p.seed.key}`);
			}
		}
		conflicts.push({
			userId: this.uid(DECLARED_CONFLICT.juror),
			ideaId: this.iid(DECLARED_CONFLICT.idea),
			source: 'declared',
			reason: DECLARED_CONFLICT.reason,
			createdAt: this.at(-6, 7, 45)
		});
		conflicted.add(`${DECLARED_CONFLICT.juror}|${DECLARED_CONFLICT.idea}`);
		direct.add(`${DECLARED_CONFLICT.juror}|${DECLARED_CONFLICT.idea}`);
		await insertAll(trx, 'conflictOfInterest', conflicts);

		// Score sheets, for presentations already held, in presentation order.
		const profile = new Map<string, Record<string, number>>();
		for (const p of semi) {
			const kinds = new Set(p.seed.benefits.map((x) => x.kind));
			const bigMoney = p.seed.benefits.some((x) => x.kind === 'money' && (x.estimate ?? 0) >= 50000);
			const spreadable = p.seed.tags.some((t) =>
				['work-instruction', 'visual-management', '5s', 'kanban', 'lean', 'training', 'data', 'video'].includes(t)
			);
			const safetyish = kinds.has('safety') || p.seed.tags.some((t) => t === 'safety' || t === 'ergonomics');
			profile.set(p.seed.key, {
				roll_out: (spreadable ? 0.4 : -0.3) + r.float(-0.4, 0.4),
				quality: (kinds.has('quality') ? 0.4 : -0.6) + r.float(-0.4, 0.4),
				safety: (safetyish ? 0.9 : -1.3) + r.float(-0.3, 0.3),
				savings: (kinds.has('time') || kinds.has('money') ? 0.4 : -0.8) + r.float(-0.4, 0.4),
				feasibility: (bigMoney ? -0.6 : 0.2) + r.float(-0.5, 0.5),
				originality: r.float(-0.7, 0.7)
			});
		}

		type Sheet = { ideaKey: string; juror: string; at: Date; complete: boolean };
		const sheets: Sheet[] = [];
		for (const d of DEPARTMENTS) {
			const held = semi.filter((p) => p.dept === d.code && (slotDay.get(p.seed.key) ?? 1) < 0);
			for (const juror of d.mt) {
				const plan = JUROR_PLAN[juror];
				if (!plan) continue;
				const eligible = held.filter((p) => !direct.has(`${juror}|${p.seed.key}`));
				const complete = plan.complete === 'all' ? eligible.length : Math.min(plan.complete, eligible.length);
				const incomplete = Math.min(plan.incomplete ?? 0, eligible.length - complete);
				eligible.slice(0, complete + incomplete).forEach((p, i) => {
					const day = Math.min(slotDay.get(p.seed.key)! + r.int(0, 2), -1);
					let at = this.at(day, r.int(9, 17), r.int(0, 59));
					const after = slotEnd.get(p.seed.key)!;
					if (at <= after) at = new Date(after.getTime() + r.int(5, 30) * MINUTE);
					sheets.push({ ideaKey: p.seed.key, juror, at, complete: i < complete });
				});
			}
		}
		if (!sheets.length) return;
		// Drawn for every sheet as before; written only where the juror has no conflict (the portal lets nobody score those).
		const kept = sheets.map((s) => !conflicted.has(`${s.juror}|${s.ideaKey}`));
		const sheetRows = sheets.map((s) => {
			const submitted = s.complete ? new Date(s.at.getTime() + r.int(5, 40) * MINUTE) : null;
			return {
				roundId: this.semiRoundId,
				ideaId: this.iid(s.ideaKey),
				jurorId: this.uid(s.juror),
				overallComment: s.complete && r.chance(0.7) ? r.pick(OVERALL_COMMENTS) : '',
				submittedAt: submitted,
				createdAt: s.at,
				updatedAt: submitted ?? s.at
			};
		});
		const insertedSheets = await trx
			.insertInto('scoreSheet')
			.values(sheetRows.filter((_, i) => kept[i]))
			.returning(['id', 'ideaId', 'jurorId'])
			.execute();
		const sheetId = new Map(insertedSheets.map((s) => [`${s.ideaId}|${s.jurorId}`, s.id]));
		const scores: InsertObject<DB, 'score'>[] = [];
		sheets.forEach((s, i) => {
			const id = sheetId.get(`${this.iid(s.ideaKey)}|${this.uid(s.juror)}`) ?? 0;
			const seed = semi.find((p) => p.seed.key === s.ideaKey)!.seed;
			const q = seed.q ?? 3;
			const prof = profile.get(s.ideaKey)!;
			const bias = JUROR_PLAN[s.juror].bias;
			const count = s.complete ? CRITERIA.length : r.int(2, 4);
			const when = sheetRows[i].updatedAt;
			for (const c of CRITERIA.slice(0, count)) {
				const value = Math.min(5, Math.max(1, Math.round(q + prof[c.code] + bias + r.float(-0.55, 0.55))));
				const pool = CRITERION_COMMENTS[c.code];
				const comment = r.chance(0.22) ? (value >= 4 ? r.pick(pool.high) : value <= 2 ? r.pick(pool.low) : '') : '';
				scores.push({ sheetId: id, criterionId: this.criteria.get(`${this.semiRoundId}:${c.code}`)!, value, comment, updatedAt: when });
			}
		});
		await insertAll(
			trx,
			'score',
			scores.filter((x) => x.sheetId !== 0)
		);
	}

	// ------------------------------------------------------------ the rounds judged before today

	/** How strong the jury finds an idea of a past round: its own `q`, or by what it won. */
	private strength(seed: IdeaSeed): number {
		if (seed.q !== undefined) return seed.q;
		return seed.award === 'winner' ? 4.7 : seed.award === 'runner_up' ? 4.4 : seed.award === 'finalist' ? 4.1 : 3.0;
	}

	/** Who reports to whom, by user id, as the org chart was inserted. */
	private managerOf?: Map<number, number | null>;

	/**
	 * Why `juror` may not score this idea, by the portal's own rule (domain/scoring.ts
	 * `conflictSources`): on its team, its mentor, or anywhere above a team member in the
	 * reporting line. The demo's competitions do not count peers.
	 */
	private conflictSources(p: PlannedIdea, juror: string): Exclude<ConflictSource, 'declared' | 'peer'>[] {
		this.managerOf ??= new Map(PEOPLE.map((x) => [this.uid(x.key), x.manager ? this.uid(x.manager) : null]));
		const team = [p.seed.owner, ...(p.seed.members ?? [])].map((k) => this.uid(k));
		const sources = ruleConflictSources(
			this.uid(juror),
			{ teamIds: team, mentorIds: p.seed.mentor ? [this.uid(p.seed.mentor)] : [] },
			{ managerOf: this.managerOf, peerConflicts: false }
		);
		return sources.filter((x): x is Exclude<ConflictSource, 'declared' | 'peer'> => x !== 'declared' && x !== 'peer');
	}

	/**
	 * The narrower rule the demo's score sheets were first drawn under (team, mentor, a team
	 * member's direct manager). Sheets are still drawn for these pairs, so every random number
	 * after them (and so the rest of the demo) stays as it was; a sheet whose juror the
	 * reporting line now excludes is not written.
	 */
	private drawnConflict(p: PlannedIdea, juror: string): boolean {
		const team = [p.seed.owner, ...(p.seed.members ?? [])];
		return team.includes(juror) || p.seed.mentor === juror || team.some((k) => this.person.get(k)!.manager === juror);
	}

	/**
	 * A round of the 2025 edition or of the Safety Challenge: its entries, conflicts and score
	 * sheets, and for a round already closed the ranks and outcomes that its own results give,
	 * computed as the portal computes them. Each idea's story says what its outcome was; the
	 * seed stops when the sheets say otherwise, so the feedback a team reads always adds up.
	 */
	private async judgePastRound(round: PastRound): Promise<void> {
		const { trx } = this;
		const r = this.pastRng;
		const { plan } = round;
		const semiPlan = PAST_ROUNDS.find((x) => x.comp === plan.comp && x.kind === 'semi_final')!;
		const entered = this.planned.filter(
			(p) => p.seed.comp === plan.comp && p.steps.some((s) => s.to === (plan.kind === 'final' ? 'finalist' : 'semi_final'))
		);
		if (!entered.length) throw new Error(`demo seed: nothing entered in ${plan.key}`);
		const enteredAt = (p: PlannedIdea) =>
			plan.kind === 'final' ? this.at(semiPlan.published! + 1, 10, entered.indexOf(p)) : p.steps.find((s) => s.to === 'semi_final')!.at;
		const juryOf = (p: PlannedIdea) => round.juries.get(plan.jury === 'department_mts' ? p.dept : 'all')!;

		const entries: InsertObject<DB, 'roundEntry'>[] = [];
		const slots: InsertObject<DB, 'presentationSlot'>[] = [];
		const conflicts: InsertObject<DB, 'conflictOfInterest'>[] = [];
		type Sheet = { p: PlannedIdea; juror: string; at: Date; complete: boolean };
		const sheets: Sheet[] = [];
		const slotEnd = new Map<string, Date>();
		entered.forEach((p, i) => {
			const jury = juryOf(p);
			entries.push({ roundId: round.id, ideaId: this.iid(p.seed.key), juryId: jury.id });
			if (plan.status === 'open') {
				const start = this.at(plan.opens, 9, i * 30);
				slotEnd.set(p.seed.key, new Date(start.getTime() + 20 * MINUTE));
				slots.push({
					roundId: round.id,
					ideaId: this.iid(p.seed.key),
					startsAt: start,
					endsAt: slotEnd.get(p.seed.key)!,
					location: DEPARTMENTS.find((d) => d.code === 'CORP')!.room
				});
			}
			for (const juror of jury.members) {
				const sources = this.conflictSources(p, juror);
				for (const source of sources)
					conflicts.push({ userId: this.uid(juror), ideaId: this.iid(p.seed.key), source, createdAt: enteredAt(p) });
				if (this.drawnConflict(p, juror) || plan.status === 'open') continue;
				const day = r.int(plan.opens + 1, plan.closes - 1);
				sheets.push({ p, juror, at: this.at(day, r.int(9, 17), r.int(0, 59)), complete: true });
			}
		});
		if (plan.status === 'open') {
			// The open final: the presentations were this morning; some directors scored already.
			for (const juror of round.juries.get('all')!.members) {
				const todo = SAFETY_FINAL_PLAN[juror] ?? { complete: 0 };
				entered
					.filter((p) => !this.drawnConflict(p, juror))
					.slice(0, todo.complete + (todo.incomplete ?? 0))
					.forEach((p, i) => {
						const at = new Date(slotEnd.get(p.seed.key)!.getTime() + r.int(60, 360) * MINUTE);
						sheets.push({ p, juror, at, complete: i < todo.complete });
					});
			}
		}
		await insertAll(trx, 'roundEntry', entries);
		await insertAll(trx, 'presentationSlot', slots);
		await insertAll(trx, 'conflictOfInterest', conflicts);

		const profile = new Map(entered.map((p) => [p.seed.key, Object.fromEntries(CRITERIA.map((c) => [c.code, r.float(-0.4, 0.4)]))]));
		const sheetRows = sheets.map((x) => {
			const submitted = x.complete ? new Date(x.at.getTime() + r.int(5, 40) * MINUTE) : null;
			return {
				roundId: round.id,
				ideaId: this.iid(x.p.seed.key),
				jurorId: this.uid(x.juror),
				overallComment: x.complete && r.chance(0.7) ? r.pick(OVERALL_COMMENTS) : '',
				submittedAt: submitted,
				createdAt: x.at,
				updatedAt: submitted ?? x.at
			};
		});
		// Drawn for every sheet as before; written only where the juror has no conflict.
		const kept = sheets.map((x) => !this.conflictSources(x.p, x.juror).length);
		if (kept.some(Boolean)) {
			const inserted = await trx
				.insertInto('scoreSheet')
				.values(sheetRows.filter((_, i) => kept[i]))
				.returning(['id', 'ideaId', 'jurorId'])
				.execute();
			const sheetId = new Map(inserted.map((x) => [`${x.ideaId}|${x.jurorId}`, x.id]));
			const scores: InsertObject<DB, 'score'>[] = [];
			sheets.forEach((x, i) => {
				const id = sheetId.get(`${this.iid(x.p.seed.key)}|${this.uid(x.juror)}`) ?? 0;
				const q = this.strength(x.p.seed);
				const bias = JUROR_PLAN[x.juror]?.bias ?? 0;
				for (const c of CRITERIA.slice(0, x.complete ? CRITERIA.length : r.int(2, 4))) {
					const value = Math.min(5, Math.max(1, Math.round(q + profile.get(x.p.seed.key)![c.code] + bias + r.float(-0.45, 0.45))));
					const pool = CRITERION_COMMENTS[c.code];
					const comment = r.chance(0.22) ? (value >= 4 ? r.pick(pool.high) : value <= 2 ? r.pick(pool.low) : '') : '';
					scores.push({
						sheetId: id,
						criterionId: this.criteria.get(`${round.id}:${c.code}`)!,
						value,
						comment,
						updatedAt: sheetRows[i].updatedAt
					});
				}
			});
			await insertAll(
				trx,
				'score',
				scores.filter((x) => x.sheetId !== 0)
			);
		}

		const compName = COMP_NAMES[plan.comp];
		const jurors = [...new Set([...round.juries.values()].flatMap((j) => j.members))];
		const opened = this.at(plan.opens, 7);
		for (const juror of jurors) {
			const started = sheets.some((x, i) => x.juror === juror && kept[i]);
			this.judgingNotes.push({
				user: juror,
				kind: 'scoring_open',
				params: { round: `${compName} · ${plan.name}`, roundId: round.id },
				link: '/jury',
				at: new Date(opened.getTime() + MINUTE),
				read: plan.status !== 'open' || started
			});
		}
		this.judgingAudit.push({
			actor: ORGANISER,
			action: 'round.open',
			type: 'round',
			id: String(round.id),
			data: { status: { from: 'draft', to: 'open' } },
			at: opened
		});
		if (plan.status !== 'published') return;

		// Closed, decided and published: the ranks and outcomes as the round's results give them.
		const record = await loadRoundRecord(trx, round.id);
		const byId = new Map(entered.map((p) => [this.iid(p.seed.key), p]));
		const finalSteps = entered.flatMap((p) => p.steps.filter((s) => s.to === 'winner' || s.to === 'runner_up'));
		const lastAward = finalSteps.length ? Math.max(...finalSteps.map((s) => s.at.getTime())) : 0;
		const decisions = record.results.scopes.flatMap((scope) =>
			scope.rows.map((row) => {
				const p = byId.get(row.ideaId)!;
				const outcome =
					plan.kind === 'final' ? p.seed.award! : p.steps.some((s) => s.to === 'finalist') ? ('advanced' as const) : ('stopped' as const);
				if (row.proposedOutcome !== outcome)
					throw new Error(`demo seed: the sheets of ${plan.key} give ${p.seed.key} ${row.proposedOutcome}, its story says ${outcome}`);
				const step = p.steps.find((s) =>
					plan.kind === 'final' ? s.to === 'winner' || s.to === 'runner_up' : s.to === 'finalist' || s.to === 'not_advanced'
				);
				const reason = step?.reason ?? 'One of the five ideas the directors heard in the final of the first Improvement Cup.';
				return { p, rank: row.rank, outcome, reason, at: step?.at ?? new Date(lastAward + 5 * MINUTE) };
			})
		);
		if (decisions.length !== entered.length) throw new Error(`demo seed: ${plan.key} has ideas without a result`);
		const values = decisions.map(
			(d) => sql`(${this.iid(d.p.seed.key)}::int, ${d.rank}::int, ${d.outcome}::text, ${d.reason}::text, ${d.at}::timestamptz)`
		);
		await sql`UPDATE round_entry AS e SET rank = v.rank, outcome = v.outcome, outcome_reason = v.reason, decided_at = v.at
			FROM (VALUES ${sql.join(values)}) AS v(idea_id, rank, outcome, reason, at)
			WHERE e.round_id = ${round.id} AND e.idea_id = v.idea_id`.execute(trx);
		// The status changes recorded the round; the rank is known now.
		const ranks = decisions.map((d) => sql`(${this.iid(d.p.seed.key)}::int, ${d.rank}::int)`);
		await sql`UPDATE idea_event AS ev SET data = ev.data || jsonb_build_object('rank', v.rank)
			FROM (VALUES ${sql.join(ranks)}) AS v(idea_id, rank)
			WHERE ev.idea_id = v.idea_id AND ev.kind = 'status_changed' AND ev.to_status <> 'semi_final'
				AND ev.data->>'roundId' = ${String(round.id)}`.execute(trx);
		const awards = decisions.filter((d) => d.outcome === 'finalist');
		await insertAll(
			trx,
			'ideaEvent',
			awards.map((d) => ({
				ideaId: this.iid(d.p.seed.key),
				actorId: this.uid(ORGANISER),
				kind: 'award',
				reason: d.reason,
				data: json({ roundId: round.id, roundName: plan.name, rank: d.rank, award: 'finalist' }),
				createdAt: d.at
			}))
		);

		const published = this.at(plan.published!, 10);
		for (const d of decisions) {
			for (const member of [d.p.seed.owner, ...(d.p.seed.members ?? [])])
				this.judgingNotes.push({
					user: member,
					kind: 'results_published',
					params: { ideaId: this.iid(d.p.seed.key), title: d.p.seed.title, round: plan.name, outcome: d.outcome },
					link: `/ideas/${this.iid(d.p.seed.key)}/feedback`,
					at: new Date(published.getTime() + MINUTE),
					read: true
				});
		}
		const decided = new Date(Math.max(...decisions.map((d) => d.at.getTime())) + MINUTE);
		this.judgingAudit.push(
			{
				actor: ORGANISER,
				action: 'round.close',
				type: 'round',
				id: String(round.id),
				data: { complete: record.results.complete, pairs: record.results.pairs, override: false, reason: null },
				at: this.at(plan.closed!, 9)
			},
			{
				actor: ORGANISER,
				action: 'round.advancement_confirmed',
				type: 'round',
				id: String(round.id),
				data: { decisions: decisions.map((d) => ({ ideaId: this.iid(d.p.seed.key), outcome: d.outcome })) },
				at: decided
			},
			{ actor: ORGANISER, action: 'round.publish', type: 'round', id: String(round.id), data: { ideas: decisions.length }, at: published }
		);
	}

	// ------------------------------------------------------------ knowledge base and roll-outs

	private async knowledgeBase(): Promise<void> {
		const { trx } = this;
		const published = this.planned.filter((p) => p.seed.kb);
		await insertAll(
			trx,
			'implementation',
			published.map((p) => {
				const done = p.steps.find((s) => s.to === 'implemented')!.at;
				return {
					ideaId: this.iid(p.seed.key),
					ownerId: this.uid(p.seed.owner),
					status: 'done',
					doneOn: this.dateOnly(done),
					updatedAt: done
				};
			})
		);
		const kbRows = published.map((p) => {
			const kb = p.seed.kb!;
			const at = p.steps.find((s) => s.to === 'published')!.at;
			const lastAdoption = Math.max(this.dayOf(at), ...kb.adoptions.map((a) => a.adopted ?? a.started ?? -999));
			return {
				ideaId: this.iid(p.seed.key),
				title: p.seed.title,
				summary: kb.summary,
				problem: p.seed.problem,
				solution: kb.solution,
				departmentId: this.depts.get(p.dept)!,
				processAreaId: this.areas.get(p.seed.area) ?? null,
				competitionId: this.comps.get(2025)!,
				award: p.seed.award ?? null,
				rollOutScore: kb.rollOut,
				status: 'published',
				publishedAt: at,
				publishedBy: this.uid(ORGANISER),
				updatedAt: lastAdoption > this.dayOf(at) ? this.at(lastAdoption, 12) : at
			};
		});
		const entries = await trx.insertInto('kbEntry').values(kbRows).returning(['id', 'ideaId']).execute();
		const kbId = new Map(entries.map((e) => [e.ideaId, e.id]));

		const kbTags: InsertObject<DB, 'kbEntryTag'>[] = [];
		const contacts: InsertObject<DB, 'kbEntryContact'>[] = [];
		const candidates: InsertObject<DB, 'kbEntryCandidateDepartment'>[] = [];
		const results: InsertObject<DB, 'measuredResult'>[] = [];
		const adoptionRows: InsertObject<DB, 'adoption'>[] = [];
		const adoptionResults: Array<{ kbEntryId: number; departmentId: number; results: ResultSeed[] }> = [];
		const resultRow = (x: ResultSeed) => ({
			kind: x.kind,
			value: Math.abs(x.before - x.after),
			beforeValue: x.before,
			afterValue: x.after,
			note: x.note
		});

		for (const p of published) {
			const kb = p.seed.kb!;
			const id = kbId.get(this.iid(p.seed.key))!;
			for (const t of p.seed.tags) kbTags.push({ kbEntryId: id, tagId: this.tags.get(t)! });
			for (const c of kb.contacts) contacts.push({ kbEntryId: id, userId: this.uid(c) });
			for (const d of kb.candidates) candidates.push({ kbEntryId: id, departmentId: this.depts.get(d)! });
			for (const x of kb.results) results.push({ kbEntryId: id, ...resultRow(x) });
			for (const a of kb.adoptions) {
				if (a.status === 'not_suitable' && !a.reason) throw new Error(`demo seed: adoption of ${p.seed.key} by ${a.dept} needs a reason`);
				const started = a.started ?? -30;
				const updated = a.adopted ?? (a.status === 'not_suitable' ? started + 21 : started + 7);
				adoptionRows.push({
					kbEntryId: id,
					departmentId: this.depts.get(a.dept)!,
					status: a.status,
					ownerId: this.uid(a.owner),
					reason: a.reason ?? null,
					startedOn: a.status === 'considering' && !a.started ? null : this.dateOnly(this.at(started)),
					adoptedOn: a.adopted !== undefined ? this.dateOnly(this.at(a.adopted)) : null,
					createdBy: this.uid(a.owner),
					createdAt: this.at(started, 10, 15),
					updatedAt: this.at(Math.min(updated, -1), 11, 5)
				});
				if (a.results?.length) adoptionResults.push({ kbEntryId: id, departmentId: this.depts.get(a.dept)!, results: a.results });
			}
		}
		await insertAll(trx, 'kbEntryTag', kbTags);
		await insertAll(trx, 'kbEntryContact', contacts);
		await insertAll(trx, 'kbEntryCandidateDepartment', candidates);
		const adoptions = await trx.insertInto('adoption').values(adoptionRows).returning(['id', 'kbEntryId', 'departmentId']).execute();
		const adoptionId = new Map(adoptions.map((a) => [`${a.kbEntryId}|${a.departmentId}`, a.id]));
		for (const a of adoptionResults) {
			const id = adoptionId.get(`${a.kbEntryId}|${a.departmentId}`)!;
			for (const x of a.results) results.push({ adoptionId: id, ...resultRow(x) });
		}
		await insertAll(trx, 'measuredResult', results);
	}

	// ------------------------------------------------------------ living work instructions and the glossary (issue 17)

	private async livingInstructions(): Promise<void> {
		const { trx } = this;
		await seedLivingInstructions(
			{
				trx,
				uid: (key) => this.uid(key),
				dept: (code) => this.depts.get(code)!,
				entry: async (ideaKey) =>
					trx
						.selectFrom('kbEntry')
						.select(['id', 'publishedAt'])
						.where('ideaId', '=', this.iid(ideaKey))
						.executeTakeFirstOrThrow()
						.then((e) => ({ id: e.id, publishedAt: new Date(e.publishedAt) })),
				at: (day, hour, minute) => this.at(day, hour, minute),
				dayOf: (d) => this.dayOf(d),
				files: this.files
			},
			new Map(PEOPLE.map((p) => [p.key, p.name]))
		);
	}

	// ------------------------------------------------------------ comments, notifications, audit, subscriptions

	private async around(): Promise<void> {
		const { trx } = this;
		const planned = new Map(this.planned.map((p) => [p.seed.key, p]));
		const title = (key: string) => planned.get(key)!.seed.title;
		const link = (key: string) => `/ideas/${this.iid(key)}`;

		const comments: Array<{ idea: string; author: string; day: number; hour: number; visibility: 'team' | 'organisers'; body: string }> = [
			{
				idea: 'sanne-kit-photo',
				author: 'pieter.degroot',
				day: -3,
				hour: 9,
				visibility: 'team',
				body: "Nice progress, Sanne! For the presentation, lead with the number: **23 re-issues in 8 weeks**, 17 of them for three parts. Then show the template.\n\nCan you bring a photo of the kitting table to Thursday's session?"
			},
			{
				idea: 'sanne-kit-photo',
				author: 'sanne.bakker',
				day: -2,
				hour: 14,
				visibility: 'team',
				body: 'Thanks Pieter. I will take the photo tomorrow on the early shift. The kitters asked if the template can also show the part numbers, is that a good idea?'
			},
			{
				idea: 'sanne-kit-photo',
				author: 'pieter.degroot',
				day: -1,
				hour: 8,
				visibility: 'team',
				body: 'Yes, good idea. Keep it readable though:\n\n- part number **and** a small picture\n- the count per part\n- nothing else\n\nSee you Thursday.'
			},
			{
				idea: 'sanne-variant-bins',
				author: 'ruud.vandijk',
				day: -9,
				hour: 16,
				visibility: 'organisers',
				body: 'Returned for NCR data. Pieter offered to help her find the numbers; please pick it up quickly when it comes back, it was already waiting too long.'
			},
			{
				idea: 'sanne-variant-bins',
				author: 'pieter.degroot',
				day: -8,
				hour: 10,
				visibility: 'team',
				body: 'Sanne, I can sit with you on Thursday to pull the NCRs from the quality system. 15 minutes is enough.'
			},
			{
				idea: 'sanne-oring-light',
				author: 'ruud.vandijk',
				day: -5,
				hour: 16,
				visibility: 'organisers',
				body: "Waiting for QA's opinion on the magnifier type before screening. This one is **overdue**; I have asked Monique for an answer this week."
			},
			{
				idea: 'bo-keyed-couplings',
				author: 'arjen.wijnands',
				day: -30,
				hour: 13,
				visibility: 'team',
				body: 'Checked with the supplier: the keyed version fits the same bulkhead and has the same flow rating. Lead time 3 weeks. I will update the drawing for new builds.'
			},
			{
				idea: 'bo-torque-sequence',
				author: 'erik.brouwer',
				day: -16,
				hour: 15,
				visibility: 'team',
				body: "The demo at station 2 works: the screen blocks the next bolt until the wrench confirms. Let's film 30 seconds of it for the semi-final."
			},
			{
				idea: 'bo-night-music',
				author: 'karin.vos',
				day: -61,
				hour: 16,
				visibility: 'organisers',
				body: 'Discussed with Astrid (EHS) before declining. The alertness point is on the BO MT agenda for next month (Jeroen).'
			},
			{
				idea: 'tst-chamber-booking',
				author: 'ruud.vandijk',
				day: -3,
				hour: 10,
				visibility: 'organisers',
				body: 'Proposed Pieter as mentor: strong on lean, and the chamber users are mostly QA and TST.'
			},
			{
				idea: 'ehs-near-miss-qr',
				author: 'paul.jonker',
				day: -25,
				hour: 11,
				visibility: 'team',
				body: 'Goed idee, Marcel. Let op: anoniem melden moet ook echt anoniem zijn, dus geen badge-ID opslaan. Ik check het met IT.'
			},
			{
				idea: 'log-cycle-counting',
				author: 'pieter.degroot',
				day: -12,
				hour: 14,
				visibility: 'team',
				body: 'Priya, the first two monthly counts look good. For the roll-out analysis: Test & Calibration also does a yearly count of its spare parts. Worth a call with Niels.'
			}
		];
		await insertAll(
			trx,
			'comment',
			comments.map((c, i) => ({
				ideaId: this.iid(c.idea),
				authorId: this.uid(c.author),
				body: c.body,
				visibility: c.visibility,
				createdAt: this.at(c.day, c.hour, 5 + i)
			}))
		);

		// The wall's voices (issue 16): after the comments above, so those keep their ids.
		const voice = await this.voices();

		// Notifications, as the services send them: the team hears of each answer on its idea
		// (2026 onwards; the 2025 edition only of its results and roll-outs), of comments and of
		// its mentor; mentors of proposals; organisers of requests and declines; jurors that
		// scoring is open; the people of an improvement that another department adopted it.
		const notes: Note[] = [...this.mentoringNotes, ...this.judgingNotes, ...voice.notes];
		const teamOf = (p: PlannedIdea) => [p.seed.owner, ...(p.seed.members ?? [])];
		const statusKinds: Partial<Record<Status, string>> = {
			submitted: 'idea_received',
			accepted: 'idea_accepted',
			returned: 'idea_returned',
			declined: 'idea_declined',
			coaching: 'mentor_assigned'
		};
		const unread = new Set(['sanne-variant-bins|idea_returned']);
		for (const p of this.planned) {
			if (p.seed.comp === 2025) continue;
			for (const s of p.steps) {
				const kind = statusKinds[s.to];
				if (!kind) continue;
				const at = new Date(s.at.getTime() + MINUTE);
				const read = !unread.has(`${p.seed.key}|${kind}`) && this.dayOf(at) < -2;
				for (const user of teamOf(p))
					notes.push({
						user,
						kind,
						params: { ideaId: this.iid(p.seed.key), title: p.seed.title },
						link: kind === 'mentor_assigned' ? `${link(p.seed.key)}/coaching` : link(p.seed.key),
						at,
						read
					});
			}
		}
		comments.forEach((c, i) => {
			if (c.visibility !== 'team') return;
			const p = planned.get(c.idea)!;
			const at = this.at(c.day, c.hour, 6 + i);
			for (const user of teamOf(p).filter((u) => u !== c.author))
				notes.push({
					user,
					kind: 'comment_added',
					params: { ideaId: this.iid(c.idea), title: title(c.idea) },
					link: `${link(c.idea)}#comments`,
					at,
					read: this.dayOf(at) < -1
				});
		});
		const semiParams = { round: `${COMP_NAMES[2026]} · Semi-final`, roundId: this.semiRoundId };
		// Two jurors with ideas still to score have not opened it yet.
		const unreadScoring = new Set(['marieke.visser', 'esther.smit']);
		for (const d of DEPARTMENTS) {
			if (d.code === 'CORP') continue;
			for (const juror of d.mt)
				notes.push({
					user: juror,
					kind: 'scoring_open',
					params: semiParams,
					link: '/jury',
					at: this.at(-7, 7, 1),
					read: !unreadScoring.has(juror)
				});
		}
		const kbIds = new Map((await trx.selectFrom('kbEntry').select(['id', 'ideaId']).execute()).map((e) => [e.ideaId, e.id] as const));
		for (const p of this.planned) {
			if (!p.seed.kb) continue;
			const people = [...new Set([...teamOf(p), ...p.seed.kb.contacts])];
			for (const a of p.seed.kb.adoptions) {
				const at = this.at(a.started ?? -30, 10, 16);
				for (const user of people.filter((u) => u !== a.owner))
					notes.push({
						user,
						kind: 'adopted_elsewhere',
						params: {
							title: p.seed.title,
							kbEntryTitle: p.seed.title,
							departmentName: DEPARTMENTS.find((d) => d.code === a.dept)!.name,
							status: a.status
						},
						link: `/kb/${kbIds.get(this.iid(p.seed.key))}`,
						at,
						read: this.dayOf(at) < -2
					});
			}
		}
		notes.sort((x, y) => x.at.getTime() - y.at.getTime());
		await insertAll(
			trx,
			'notification',
			notes.map((n) => ({
				userId: this.uid(n.user),
				kind: n.kind,
				params: json(n.params),
				link: n.link,
				readAt: n.read ? new Date(n.at.getTime() + 3 * 3_600_000) : null,
				...this.mailOf(n),
				createdAt: n.at
			}))
		);
		// The last days' e-mail as the portal queued it: without SMTP it waits in the outbox
		// (what would have been sent, /admin/mail); digest notifications wait for the next digest.
		await sql`INSERT INTO mail_outbox (user_id, kind, notification_ids, created_at, next_attempt_at)
			SELECT user_id, 'notification', ARRAY[id], emailed_at, emailed_at FROM notification
			WHERE mail = 'immediate' ORDER BY id`.execute(trx);

		const audit: AuditLine[] = [
			...this.judgingAudit,
			...voice.audit,
			{
				actor: ORGANISER,
				action: 'competition.create',
				type: 'competition',
				id: String(this.comps.get('safety')),
				data: { slug: 'safety-challenge-2026' },
				at: this.at(-170, 11)
			},
			{
				actor: null,
				action: 'role.grant',
				type: 'user',
				id: String(this.uid(ADMIN)),
				data: { role: 'admin', note: 'initial administrator' },
				at: this.at(-720, 9)
			},
			{
				actor: ADMIN,
				action: 'role.grant',
				type: 'user',
				id: String(this.uid(ORGANISER)),
				data: { role: 'organiser' },
				at: this.at(-600, 10, 12)
			},
			{
				actor: ADMIN,
				action: 'role.grant',
				type: 'user',
				id: String(this.uid(ORGANISER_2)),
				data: { role: 'organiser' },
				at: this.at(-130, 13, 40)
			},
			{
				actor: ADMIN,
				action: 'user.update',
				type: 'user',
				id: String(this.uid('fatima.elamrani')),
				data: {
					departmentId: { from: this.depts.get('GEN'), to: this.depts.get('BO') },
					note: 'arrived through SSO in the default department'
				},
				at: this.at(-210, 9, 30)
			},
			{
				actor: ADMIN,
				action: 'department.update',
				type: 'department',
				id: String(this.depts.get('BO')),
				data: { headcount: { from: 1180, to: 1210 } },
				at: this.at(-40, 15, 5)
			},
			{
				actor: ORGANISER,
				action: 'competition.create',
				type: 'competition',
				id: String(this.comps.get(2026)),
				data: { slug: 'improvement-cup-2026' },
				at: this.at(-112, 11)
			},
			{
				actor: ORGANISER,
				action: 'competition.update',
				type: 'competition',
				id: String(this.comps.get(2026)),
				data: { status: { from: 'open', to: 'judging' } },
				at: this.at(-19, 8, 30)
			},
			{
				actor: ORGANISER,
				action: 'jury.update',
				type: 'round',
				id: String(this.semiRoundId),
				data: { juries: 7, members: 21 },
				at: this.at(-12, 9, 5)
			},
			{
				actor: ORGANISER,
				action: 'round.open',
				type: 'round',
				id: String(this.semiRoundId),
				data: { status: { from: 'draft', to: 'open' } },
				at: this.at(-7, 7)
			},
			{
				actor: ORGANISER,
				action: 'competition.create',
				type: 'competition',
				id: String(this.comps.get(2027)),
				data: { slug: 'improvement-cup-2027' },
				at: this.at(-30, 11)
			},
			{
				actor: ORGANISER,
				action: 'competition.update',
				type: 'competition',
				id: String(this.comps.get(2027)),
				data: { status: { from: 'draft', to: 'open' } },
				at: this.at(-5, 7)
			}
		];
		for (const p of this.planned) {
			const pub = p.steps.find((s) => s.to === 'published');
			if (pub)
				audit.push({
					actor: ORGANISER,
					action: 'kb_entry.publish',
					type: 'idea',
					id: String(this.iid(p.seed.key)),
					data: { title: p.seed.title },
					at: pub.at
				});
		}
		audit.sort((x, y) => x.at.getTime() - y.at.getTime());
		await insertAll(
			trx,
			'auditLog',
			audit.map((a) => ({
				actorId: a.actor ? this.uid(a.actor) : null,
				action: a.action,
				objectType: a.type,
				objectId: a.id,
				data: json(a.data),
				createdAt: a.at
			}))
		);

		const subs: Array<{ user: string; tag?: string; area?: string; dept?: DeptCode }> = [
			{ user: 'sanne.bakker', tag: 'cleanroom' },
			{ user: 'sanne.bakker', tag: 'torque' },
			{ user: 'pieter.degroot', area: 'quality-control' },
			{ user: 'pieter.degroot', tag: 'poka-yoke' },
			{ user: 'marieke.visser', dept: 'TST' },
			{ user: 'erik.brouwer', tag: 'lean' },
			{ user: 'ingrid.post', tag: 'spare-parts' },
			{ user: 'frank.timmermans', tag: 'calibration' },
			{ user: 'astrid.verhoeven', area: 'safety' }
		];
		await insertAll(
			trx,
			'subscription',
			subs.map((s, i) => ({
				userId: this.uid(s.user),
				tagId: s.tag ? this.tags.get(s.tag)! : null,
				processAreaId: s.area ? this.areas.get(s.area)! : null,
				departmentId: s.dept ? this.depts.get(s.dept)! : null,
				createdAt: this.at(-200 + i * 11, 12)
			}))
		);
	}

	// ------------------------------------------------------------ every colleague's voice (issue 16)

	/** When the edition's submission window closes (as competitions() stores it). */
	private closes(comp: CompKey): Date {
		return comp === 2025 ? this.at(-450, 22) : comp === 2026 ? this.at(-20, 22) : comp === 'safety' ? this.at(-100, 22) : this.at(60, 22);
	}

	/**
	 * What colleagues did on the ideas wall (demo-voices.ts), with the rows the services write:
	 * supports and follows with the ideas' counts set from the rows, the team told of each
	 * support (`idea_supported`), followers told of each later public status change
	 * (`idea_update`), public comments with their 'commented' events and the team's
	 * `comment_added`, one comment hidden by the organiser (audited 'comment.hide', its author
	 * told: `comment_hidden`); a one-minute idea from a poster with its team leader asked to help
	 * (helper, 'helper_asked', `help_asked`), and an idea a team leader entered for a colleague
	 * (entered_by, the leader a helper, `entered_for_you`), submitted to the open 2027 call.
	 * Its own ids and no PRNG: the rest of the demo stays as it was.
	 */
	private async voices(): Promise<{ notes: Note[]; audit: AuditLine[] }> {
		const { trx } = this;
		const planned = new Map(this.planned.map((p) => [p.seed.key, p]));
		const notes: Note[] = [];
		const audit: AuditLine[] = [];
		const HOUR = 3_600_000;
		const teamOf = (p: PlannedIdea) => [p.seed.owner, ...(p.seed.members ?? [])];
		const read = (at: Date) => this.dayOf(at) < -2;
		const deptName = (code: DeptCode) => DEPARTMENTS.find((d) => d.code === code)!.name;
		/** The idea, once public: accepted and the edition's deadline passed (isPublicIdea). */
		const publicIdea = (key: string, user: string) => {
			const p = planned.get(key);
			if (!p) throw new Error(`demo seed: unknown idea ${key}`);
			if (teamOf(p).includes(user)) throw new Error(`demo seed: ${user} is on the team of ${key}`);
			const accepted = p.steps.find((s) => (ACCEPTED_AND_LATER as readonly string[]).includes(s.to));
			if (!accepted) throw new Error(`demo seed: ${key} is not public`);
			return { p, id: this.iid(key), publicAt: Math.max(accepted.at.getTime(), this.closes(p.seed.comp).getTime()) };
		};
		/** `day` at `hour`, or two hours after the idea became public if that is later. */
		const when = (publicAt: number, day: number, hour: number, minute: number) => {
			const t = this.at(day, hour, minute);
			const at = t.getTime() > publicAt ? t : new Date(publicAt + 2 * HOUR + minute * MINUTE);
			if (at.getTime() >= this.today) throw new Error('demo seed: a voice in the future');
			return at;
		};

		// Supports; the team hears of each.
		const supports = SUPPORTS.map((s, i) => {
			const { p, id, publicAt } = publicIdea(s.idea, s.user);
			const at = when(publicAt, s.day, 8 + (i % 9), (i * 7) % 60);
			for (const user of teamOf(p))
				notes.push({
					user,
					kind: 'idea_supported',
					params: { ideaId: id, title: p.seed.title, ...(s.dept ? { department: deptName(s.dept) } : {}) },
					link: `/ideas/${id}`,
					at: new Date(at.getTime() + MINUTE),
					read: read(at)
				});
			return { ideaId: id, userId: this.uid(s.user), departmentId: s.dept ? this.depts.get(s.dept)! : null, createdAt: at };
		});
		await insertAll(trx, 'ideaSupport', supports);

		// Follows; a follower hears of each public status change after they followed.
		const follows = FOLLOWS.map((f, i) => {
			const { p, id, publicAt } = publicIdea(f.idea, f.user);
			const at = when(publicAt, f.day, 9 + (i % 8), (i * 11) % 60);
			for (const s of p.steps)
				if (s.at > at && (ACCEPTED_AND_LATER as readonly string[]).includes(s.to) && s.at > this.closes(p.seed.comp)) {
					const noteAt = new Date(s.at.getTime() + MINUTE);
					notes.push({
						user: f.user,
						kind: 'idea_update',
						params: { ideaId: id, title: p.seed.title, status: s.to },
						link: `/ideas/${id}`,
						at: noteAt,
						read: read(noteAt)
					});
				}
			return { ideaId: id, userId: this.uid(f.user), createdAt: at };
		});
		await insertAll(trx, 'ideaFollow', follows);
		await sql`UPDATE idea AS i SET support_count = c.n FROM (SELECT idea_id, count(*)::int AS n FROM idea_support GROUP BY idea_id) AS c WHERE c.idea_id = i.id`.execute(
			trx
		);
		await sql`UPDATE idea AS i SET follow_count = c.n FROM (SELECT idea_id, count(*)::int AS n FROM idea_follow GROUP BY idea_id) AS c WHERE c.idea_id = i.id`.execute(
			trx
		);

		// Public comments: colleagues outside the team (or the team replying), each a 'commented' event.
		const comments = VOICE_COMMENTS.map((c, i) => {
			const p = planned.get(c.idea);
			if (!p) throw new Error(`demo seed: unknown idea ${c.idea}`);
			const onTeam = teamOf(p).includes(c.author);
			const { id, publicAt } = publicIdea(c.idea, onTeam ? '' : c.author);
			const at = when(publicAt, c.day, c.hour, 3 + i);
			const hiddenAt = c.hidden ? this.at(c.hidden.day, c.hidden.hour, 12) : null;
			if (hiddenAt && hiddenAt <= at) throw new Error('demo seed: a comment hidden before it was written');
			return { c, p, id, at, hiddenAt };
		});
		const insertedComments = await trx
			.insertInto('comment')
			.values(
				comments.map(({ c, id, at, hiddenAt }) => ({
					ideaId: id,
					authorId: this.uid(c.author),
					body: c.body,
					visibility: 'team',
					createdAt: at,
					hiddenAt,
					hiddenBy: hiddenAt ? this.uid(ORGANISER) : null,
					hiddenReason: c.hidden?.reason ?? null
				}))
			)
			.returning('id')
			.execute();
		const commentEvents: InsertObject<DB, 'ideaEvent'>[] = [];
		comments.forEach(({ c, p, id, at, hiddenAt }, i) => {
			const commentId = insertedComments[i].id;
			commentEvents.push({
				ideaId: id,
				actorId: this.uid(c.author),
				kind: 'commented',
				data: json({ commentId, visibility: 'team' }),
				createdAt: at
			});
			for (const user of teamOf(p).filter((u) => u !== c.author))
				notes.push({
					user,
					kind: 'comment_added',
					params: { ideaId: id, title: p.seed.title },
					link: `/ideas/${id}#comments`,
					at: new Date(at.getTime() + MINUTE),
					read: read(at)
				});
			if (hiddenAt && c.hidden) {
				audit.push({
					actor: ORGANISER,
					action: 'comment.hide',
					type: 'comment',
					id: String(commentId),
					data: { ideaId: id, reason: c.hidden.reason },
					at: hiddenAt
				});
				notes.push({
					user: c.author,
					kind: 'comment_hidden',
					params: { ideaId: id, title: p.seed.title, reason: c.hidden.reason },
					link: `/ideas/${id}`,
					at: new Date(hiddenAt.getTime() + MINUTE),
					read: read(hiddenAt)
				});
			}
		});

		// A one-minute idea from the poster at Line 3 (a draft in the open call of its department)
		// and an idea a team leader entered for a colleague, submitted to the same call.
		const quick = ONE_MINUTE_IDEA;
		const entered = ENTERED_IDEA;
		const quickAt = this.at(quick.day, 6, 41);
		const enteredAt = this.at(entered.day, 13, 5);
		const enteredSubmittedAt = new Date(enteredAt.getTime() + 18 * MINUTE);
		for (const at of [quickAt, enteredAt])
			if (at < this.opens(2027) || at > this.closes(2027)) throw new Error('demo seed: the 2027 call is not open then');
		const newIdeas = await trx
			.insertInto('idea')
			.values([
				{
					competitionId: this.comps.get(2027)!,
					departmentId: this.depts.get(this.deptOf(quick.owner))!,
					processAreaId: null,
					title: quick.title,
					problem: quick.problem,
					proposal: quick.proposal,
					location: quick.place,
					status: 'draft',
					version: 1,
					createdBy: this.uid(quick.owner),
					createdAt: quickAt,
					updatedAt: quickAt
				},
				{
					competitionId: this.comps.get(2027)!,
					departmentId: this.depts.get(this.deptOf(entered.owner))!,
					processAreaId: this.areas.get(entered.area) ?? null,
					title: entered.title,
					problem: entered.problem,
					proposal: entered.proposal,
					status: 'submitted',
					version: 1,
					createdBy: this.uid(entered.owner),
					enteredBy: this.uid(entered.enteredBy),
					createdAt: enteredAt,
					updatedAt: enteredSubmittedAt,
					firstSubmittedAt: enteredSubmittedAt,
					submittedAt: enteredSubmittedAt
				}
			])
			.returning(['id', 'title'])
			.execute();
		const quickId = newIdeas.find((r) => r.title === quick.title)!.id;
		const enteredId = newIdeas.find((r) => r.title === entered.title)!.id;
		const askedAt = new Date(quickAt.getTime() + 2 * MINUTE);
		await insertAll(trx, 'ideaMember', [
			{ ideaId: quickId, userId: this.uid(quick.owner), role: 'owner', addedAt: quickAt },
			{ ideaId: quickId, userId: this.uid(quick.helper), role: 'helper', addedAt: askedAt },
			{ ideaId: enteredId, userId: this.uid(entered.owner), role: 'owner', addedAt: enteredAt },
			{ ideaId: enteredId, userId: this.uid(entered.enteredBy), role: 'helper', addedAt: enteredAt }
		]);
		await insertAll(trx, 'ideaEvent', [
			...commentEvents,
			{
				ideaId: quickId,
				actorId: this.uid(quick.owner),
				kind: 'created',
				fromStatus: null,
				toStatus: 'draft',
				data: json({ via: 'one_minute', place: quick.place }),
				createdAt: quickAt
			},
			{
				ideaId: quickId,
				actorId: this.uid(quick.owner),
				kind: 'helper_asked',
				data: json({ userId: this.uid(quick.helper), as: 'team_leader' }),
				createdAt: askedAt
			},
			{
				ideaId: enteredId,
				actorId: this.uid(entered.enteredBy),
				kind: 'created',
				fromStatus: null,
				toStatus: 'draft',
				data: json({ enteredBy: this.uid(entered.enteredBy), onBehalfOf: this.uid(entered.owner), agreed: true }),
				createdAt: enteredAt
			},
			{
				ideaId: enteredId,
				actorId: this.uid(entered.enteredBy),
				kind: 'status_changed',
				fromStatus: 'draft',
				toStatus: 'submitted',
				data: json({}),
				createdAt: enteredSubmittedAt
			}
		]);
		notes.push(
			{
				user: quick.helper,
				kind: 'help_asked',
				params: { ideaId: quickId, title: quick.title, name: this.nameOf(quick.owner) },
				link: `/ideas/${quickId}`,
				at: new Date(askedAt.getTime() + MINUTE),
				read: false
			},
			{
				user: entered.owner,
				kind: 'entered_for_you',
				params: { ideaId: enteredId, title: entered.title, name: this.nameOf(entered.enteredBy) },
				link: `/ideas/${enteredId}`,
				at: new Date(enteredAt.getTime() + MINUTE),
				read: false
			},
			// The team hears the submission arrived, the helper (who entered it) included.
			...[entered.owner, entered.enteredBy].map((user) => ({
				user,
				kind: 'idea_received',
				params: { ideaId: enteredId, title: entered.title },
				link: `/ideas/${enteredId}`,
				at: new Date(enteredSubmittedAt.getTime() + MINUTE),
				read: user === entered.enteredBy
			}))
		);
		return { notes, audit };
	}
}
