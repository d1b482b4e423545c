/**
 * The demo organisation on a fresh database, as `npm start` and `npm run db:seed` build it:
 * it may show only what the portal does. Notifications are of the kinds the services send,
 * with the params their texts read; the closed 2025 edition was judged in real rounds whose
 * score sheets give its outcomes, so its finalists' feedback pages open; and every persona
 * the README offers has something real to do.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { fileStore } from '$lib/server/attachments/storage.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/index.js';
import { DEMO_PERSONAS, seedDemo } from '$lib/server/seed/demo.js';
import { loadHome } from '$lib/server/home/home.service.js';
import { loadSessionUser, type SessionUser } from '$lib/server/org/users.service.js';
import { getFeedback } from '$lib/server/scoring/feedback.service.js';
import { loadRoundRecord } from '$lib/server/scoring/round-record.js';
import { notificationText } from '$lib/i18n-labels.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';
import { GROUP_DEFAULTS, mailGroupOf } from '$lib/server/mail/kinds.js';
import { sql } from 'kysely';
import { ideaVoiceColumns, toIdeaVoice } from '$lib/server/ideas/voice.queries.js';
import { ACCEPTED_AND_LATER } from '$lib/domain/idea-status.js';
import { canEnterOnBehalf } from '$lib/server/auth/policy.js';
import { findLeaderFacts } from '$lib/server/people/team-leader.queries.js';

let testDb: TestDatabase;
let db: Database;
// The demo's files (issue 17) go to a folder of this test's own.
const filesDir = mkdtempSync(join(tmpdir(), 'ideacup-seed-files-'));
const previousFilesDir = process.env.FILES_DIR;

beforeAll(async () => {
	process.env.FILES_DIR = filesDir;
	testDb = await createTestDatabase();
	db = testDb.db;
	const result = await seedDemo(db);
	expect(result.seeded).toBe(true);
}, 300_000);

afterAll(async () => {
	await testDb?.close();
	if (previousFilesDir === undefined) delete process.env.FILES_DIR;
	else process.env.FILES_DIR = previousFilesDir;
	rmSync(filesDir, { recursive: true, force: true });
});

async function storedBytes(storageKey: string): Promise<Buffer> {
	const file = await fileStore().open(storageKey);
	if (!file) throw new Error(`no stored file ${storageKey}`);
	return Buffer.from(await new Response(file.stream).arrayBuffer());
}

/**
 * What each service sends: the params it stores and where the notification leads
 * (grep `insertNotifications` and `notify:` in src/lib/server/**\/*.service.ts, and the
 * followers' `idea_update` in notifications.queries.ts).
 */
const SENT: Record<string, { params: string[]; link: RegExp }> = {
	idea_received: { params: ['ideaId', 'title'], link: /^\/ideas\/\d+$/ },
	idea_accepted: { params: ['ideaId', 'title'], link: /^\/ideas\/\d+$/ },
	idea_returned: { params: ['ideaId', 'title'], link: /^\/ideas\/\d+$/ },
	idea_declined: { params: ['ideaId', 'title'], link: /^\/ideas\/\d+$/ },
	idea_merged: { params: ['ideaId', 'title'], link: /^\/ideas\/\d+$/ },
	comment_added: { params: ['ideaId', 'title'], link: /^\/ideas\/\d+#comments$/ },
	mentor_request: { params: ['ideaId', 'title'], link: /^\/mentoring$/ },
	mentor_assigned: { params: ['ideaId', 'title'], link: /^\/ideas\/\d+\/coaching$/ },
	mentor_declined: { params: ['ideaId', 'title'], link: /^\/organise\/mentors$/ },
	mentor_requested: { params: ['ideaId', 'title'], link: /^\/organise\/mentors$/ },
	idea_ready: { params: ['ideaId', 'title'], link: /^\/ideas\/\d+\/coaching$/ },
	scoring_open: { params: ['round', 'roundId'], link: /^\/jury$/ },
	results_published: { params: ['ideaId', 'title', 'round', 'outcome'], link: /^\/ideas\/\d+\/feedback$/ },
	adopted_elsewhere: { params: ['title', 'kbEntryTitle', 'departmentName', 'status'], link: /^\/kb\/\d+$/ },
	kb_publish_requested: { params: ['title', 'ideaId'], link: /^\/ideas\/\d+\/implementation$/ },
	kb_published: { params: ['title', 'kbEntryId'], link: /^\/kb\/\d+$/ },
	kb_candidate: { params: ['title', 'kbEntryId'], link: /^\/kb\/\d+$/ },
	kb_new_entry: { params: ['title', 'kbEntryId'], link: /^\/kb\/\d+$/ },
	kb_unpublished: { params: ['title', 'reason'], link: /^\/ideas\/\d+\/implementation$/ },
	// Every colleague's voice (issue 16).
	idea_supported: { params: ['ideaId', 'title'], link: /^\/ideas\/\d+$/ },
	idea_update: { params: ['ideaId', 'title', 'status'], link: /^\/ideas\/\d+$/ },
	comment_hidden: { params: ['ideaId', 'title', 'reason'], link: /^\/ideas\/\d+$/ },
	help_asked: { params: ['ideaId', 'title', 'name'], link: /^\/ideas\/\d+$/ },
	entered_for_you: { params: ['ideaId', 'title', 'name'], link: /^\/ideas\/\d+$/ },
	// Living work instructions (issue 17): reports on a step.
	instruction_report: { params: ['reportId', 'title', 'step', 'name', 'kind'], link: /^\/instructions\/reports\/\d+$/ },
	report_passed: { params: ['reportId', 'title', 'step', 'name'], link: /^\/instructions\/reports\/\d+$/ },
	report_update: { params: ['reportId', 'title', 'step', 'what'], link: /^\/instructions\/reports\/\d+$/ }
};

function serviceSources(dir = 'src/lib/server'): string {
	return readdirSync(dir, { withFileTypes: true })
		.flatMap((d) => {
			const path = join(dir, d.name);
			if (d.isDirectory()) return d.name === 'seed' ? [] : [serviceSources(path)];
			// A service, or a query that writes notifications for services (followers' idea_update: notifications.queries.ts).
			return d.name.endsWith('.service.ts') || d.name.endsWith('.queries.ts') ? [readFileSync(path, 'utf8')] : [];
		})
		.join('\n');
}

async function persona(email: string): Promise<SessionUser> {
	const row = await db.selectFrom('appUser').select('id').where('email', '=', email).executeTakeFirstOrThrow();
	return (await loadSessionUser(db, row.id))!;
}

describe(`the demo data (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
	describe('notifications', () => {
		it('lists only kinds a service sends (each still named in a service)', async () => {
			const sources = serviceSources();
			for (const kind of Object.keys(SENT)) expect(sources, kind).toContain(`'${kind}'`);
			const kinds = await db.selectFrom('notification').select('kind').distinct().execute();
			expect(kinds.length).toBeGreaterThan(0);
			expect(kinds.map((k) => k.kind).filter((k) => !(k in SENT))).toEqual([]);
		});

		it('stores the params and links the services store, so every text reads whole', async () => {
			const rows = await db.selectFrom('notification').select(['id', 'kind', 'params', 'link']).execute();
			const wrong: string[] = [];
			for (const n of rows) {
				const spec = SENT[n.kind];
				if (!spec) continue;
				const params = (typeof n.params === 'string' ? JSON.parse(n.params) : n.params) as Record<string, unknown>;
				const missing = spec.params.filter((p) => params[p] === undefined || params[p] === null || params[p] === '');
				if (missing.length) wrong.push(`${n.id} ${n.kind}: no ${missing.join(', ')}`);
				if (!spec.link.test(n.link ?? '')) wrong.push(`${n.id} ${n.kind}: link ${n.link}`);
				const text = notificationText(n.kind, params);
				if (/“”|: \.|\{|undefined|^\s*$/.test(text)) wrong.push(`${n.id} ${n.kind}: "${text}"`);
			}
			expect(wrong).toEqual([]);
		});

		it('tells the jurors of the open semi-final that scoring is open, naming the round', async () => {
			const marieke = await persona('marieke.visser@ideacup.example');
			const note = await db
				.selectFrom('notification')
				.select(['params'])
				.where('userId', '=', marieke.id)
				.where('kind', '=', 'scoring_open')
				.orderBy('createdAt', 'desc')
				.executeTakeFirstOrThrow();
			expect(notificationText('scoring_open', note.params)).toBe('Scoring is open: Improvement Cup 2026 · Semi-final.');
		});

		it("mails the last three days' notifications as the defaults say: immediate ones wait in the outbox (no SMTP), digest ones for the digest", async () => {
			const rows = await db
				.selectFrom('notification as n')
				.leftJoin('mailOutbox as o', (j) => j.on(sql<boolean>`o.notification_ids = ARRAY[n.id]`))
				.select(['n.kind', 'n.mail', 'n.emailedAt', 'n.createdAt', 'o.id as outboxId', 'o.status'])
				.execute();
			const recent = rows.filter((r) => r.createdAt.getTime() > Date.now() - 4 * 86_400_000);
			const immediate = rows.filter((r) => r.mail === 'immediate');
			expect(immediate.length).toBeGreaterThan(0);
			for (const r of rows) {
				expect(r.mail, r.kind).toBe(r.createdAt.getTime() < Date.now() - 5 * 86_400_000 ? 'off' : r.mail);
				if (r.mail !== 'off') expect(r.mail, r.kind).toBe(GROUP_DEFAULTS[mailGroupOf(r.kind)]);
				expect(r.outboxId !== null, `${r.kind} ${r.mail}`).toBe(r.mail === 'immediate');
				if (r.mail === 'immediate') expect(r.status).toBe('queued');
				if (r.mail === 'digest') expect(r.emailedAt).toBeNull();
			}
			expect(recent.length).toBeGreaterThanOrEqual(immediate.length);
		});
	});

	describe('the 2025 edition', () => {
		it('was judged in a semi-final and a final, both closed and published', async () => {
			const rounds = await db
				.selectFrom('round as r')
				.innerJoin('competition as c', 'c.id', 'r.competitionId')
				.select(['r.kind', 'r.status'])
				.where('c.slug', '=', 'improvement-cup-2025')
				.orderBy('r.position')
				.execute();
			expect(rounds).toEqual([
				{ kind: 'semi_final', status: 'published' },
				{ kind: 'final', status: 'published' }
			]);
		});

		it('gives every idea with an award a published final entry with that outcome, after advancing from the semi-final', async () => {
			const ideas = await db
				.selectFrom('idea as i')
				.innerJoin('competition as c', 'c.id', 'i.competitionId')
				.select(['i.id', 'i.title', 'i.award'])
				.where('c.slug', '=', 'improvement-cup-2025')
				.where('i.award', 'is not', null)
				.execute();
			expect(ideas.map((i) => i.award).sort()).toEqual(['finalist', 'finalist', 'finalist', 'runner_up', 'winner']);
			const entries = await db
				.selectFrom('roundEntry as e')
				.innerJoin('round as r', 'r.id', 'e.roundId')
				.select(['e.ideaId', 'r.kind', 'r.status', 'e.outcome'])
				.where(
					'e.ideaId',
					'in',
					ideas.map((i) => i.id)
				)
				.execute();
			for (const idea of ideas) {
				const mine = entries.filter((e) => e.ideaId === idea.id);
				expect(
					mine.find((e) => e.kind === 'semi_final'),
					idea.title
				).toMatchObject({ status: 'published', outcome: 'advanced' });
				expect(
					mine.find((e) => e.kind === 'final'),
					idea.title
				).toMatchObject({ status: 'published', outcome: idea.award });
			}
		});

		it('has score sheets that give the outcomes: each stored rank and outcome is what the results propose', async () => {
			const rounds = await db
				.selectFrom('round as r')
				.innerJoin('competition as c', 'c.id', 'r.competitionId')
				.select('r.id')
				.where('c.slug', '=', 'improvement-cup-2025')
				.execute();
			for (const { id } of rounds) {
				const record = await loadRoundRecord(db, id);
				const proposed = new Map(record.results.scopes.flatMap((s) => s.rows.map((r) => [r.ideaId, r] as const)));
				expect(record.entries.length).toBeGreaterThan(0);
				for (const e of record.entries) {
					const row = proposed.get(e.ideaId)!;
					expect(row.score, e.title).not.toBeNull();
					expect({ rank: e.rank, outcome: e.outcome }, e.title).toEqual({ rank: row.rank, outcome: row.proposedOutcome });
				}
				expect(record.results.canClose).toBe(true);
			}
		});

		it('opens the feedback page of every 2025 idea that was judged, for its team, with both rounds for the finalists', async () => {
			const ideas = await db
				.selectFrom('idea as i')
				.innerJoin('competition as c', 'c.id', 'i.competitionId')
				.innerJoin('ideaMember as m', (j) => j.onRef('m.ideaId', '=', 'i.id').on('m.role', '=', 'owner'))
				.select(['i.id', 'i.title', 'i.award', 'm.userId'])
				.where('c.slug', '=', 'improvement-cup-2025')
				.execute();
			expect(ideas.length).toBe(12);
			for (const idea of ideas) {
				const owner = (await loadSessionUser(db, idea.userId))!;
				const feedback = await getFeedback(db, owner, idea.id);
				expect(
					feedback.rounds.map((r) => r.kind),
					idea.title
				).toEqual(idea.award ? ['semi_final', 'final'] : ['semi_final']);
				for (const r of feedback.rounds) expect(r.jurors, idea.title).toBeGreaterThan(0);
			}
		});

		it('shows in the knowledge base only awards the final gave', async () => {
			const entries = await db
				.selectFrom('kbEntry as k')
				.innerJoin('idea as i', 'i.id', 'k.ideaId')
				.select(['k.award as kbAward', 'i.award as ideaAward'])
				.where('k.award', 'is not', null)
				.execute();
			expect(entries.length).toBe(5);
			for (const e of entries) expect(e.kbAward).toBe(e.ideaAward);
		});
	});

	describe("every colleague's voice (issue 16)", () => {
		const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, unknown>;
		const publicIdeas = () =>
			db
				.selectFrom('idea as i')
				.innerJoin('competition as c', 'c.id', 'i.competitionId')
				.select(['i.id', 'i.title', 'i.status', 'i.departmentId', 'c.submissionClosesAt'])
				.where('i.status', 'in', [...ACCEPTED_AND_LATER])
				.where('c.submissionClosesAt', '<', new Date())
				.execute();
		const teamOf = async (ideaId: number, roles = ['owner', 'member']) =>
			(await db.selectFrom('ideaMember').select('userId').where('ideaId', '=', ideaId).where('role', 'in', roles).execute()).map(
				(m) => m.userId
			);

		it('keeps support_count and follow_count equal to the rows, on every idea', async () => {
			const rows = await db
				.selectFrom('idea as i')
				.select((eb) => [
					'i.id',
					'i.supportCount',
					'i.followCount',
					eb
						.selectFrom('ideaSupport as s')
						.select(sql<number>`count(*)::int`.as('n'))
						.whereRef('s.ideaId', '=', 'i.id')
						.as('supports'),
					eb
						.selectFrom('ideaFollow as f')
						.select(sql<number>`count(*)::int`.as('n'))
						.whereRef('f.ideaId', '=', 'i.id')
						.as('follows')
				])
				.execute();
			expect(rows.filter((r) => r.supportCount !== r.supports || r.followCount !== r.follows)).toEqual([]);
			expect(rows.reduce((n, r) => n + r.supportCount, 0)).toBe(33);
			expect(rows.reduce((n, r) => n + r.followCount, 0)).toBe(13);
		});

		it('has supports, follows and public comments only on public ideas, from colleagues outside the team, after the idea became public', async () => {
			const visible = new Map((await publicIdeas()).map((i) => [i.id, i]));
			const supports = await db.selectFrom('ideaSupport').selectAll().execute();
			const follows = await db.selectFrom('ideaFollow').selectAll().execute();
			const comments = await db
				.selectFrom('comment')
				.select(['ideaId', 'authorId as userId', 'createdAt'])
				.where('createdAt', '>', new Date(Date.now() - 21 * 86_400_000))
				.where('visibility', '=', 'team')
				.execute();
			const wrong: string[] = [];
			for (const [what, rows] of [
				['support', supports],
				['follow', follows]
			] as const)
				for (const r of rows) {
					const idea = visible.get(r.ideaId);
					if (!idea) wrong.push(`${what} on idea ${r.ideaId}, which is not public`);
					else if (r.createdAt <= idea.submissionClosesAt) wrong.push(`${what} on ${idea.title} before its deadline`);
					if ((await teamOf(r.ideaId)).includes(r.userId)) wrong.push(`${what} by the team of idea ${r.ideaId}`);
				}
			const voiced = new Set([...supports, ...follows].map((r) => r.ideaId));
			for (const c of comments)
				if (voiced.has(c.ideaId) && !visible.has(c.ideaId)) wrong.push(`comment on idea ${c.ideaId}, which is not public`);
			expect(wrong).toEqual([]);
		});

		it('supports from other departments, several naming theirs: suggested candidate departments for the roll-out', async () => {
			const named = await db
				.selectFrom('ideaSupport as s')
				.innerJoin('appUser as u', 'u.id', 's.userId')
				.innerJoin('idea as i', 'i.id', 's.ideaId')
				.select(['s.departmentId', 'u.departmentId as own', 'i.departmentId as ideas'])
				.execute();
			expect(named.filter((s) => s.own !== s.ideas).length).toBe(named.length);
			expect(named.filter((s) => s.departmentId !== null).length).toBeGreaterThanOrEqual(25);
			const kanban = await db
				.selectFrom('idea as i')
				.select((eb) => ideaVoiceColumns(eb, 0))
				.where('i.title', '=', 'Kanban for cleanroom consumables in the gowning rooms')
				.executeTakeFirstOrThrow();
			const voice = toIdeaVoice(kanban);
			expect(voice.supportCount).toBe(6);
			expect(voice.supportDepartments.map((d) => [d.name, d.supporters])).toEqual([
				['Build Operations', 2],
				['Environment, Health & Safety', 1],
				['Quality Assurance', 1],
				['Test & Calibration', 1]
			]);
			const suggested = await db
				.selectFrom('idea as i')
				.select((eb) => ideaVoiceColumns(eb, 0))
				.where('i.supportCount', '>', 0)
				.execute();
			expect(suggested.filter((r) => r.supportDepartments.length > 0).length).toBeGreaterThanOrEqual(10);
			const teams = await db.selectFrom('notification').select('params').where('kind', '=', 'idea_supported').execute();
			expect(teams.some((n) => json(n.params).department === 'Logistics')).toBe(true);
		});

		it('Sanne Bakker follows two ideas of other departments and heard when they reached the semi-final', async () => {
			const sanne = await persona('sanne.bakker@ideacup.example');
			const followed = await db
				.selectFrom('ideaFollow as f')
				.innerJoin('idea as i', 'i.id', 'f.ideaId')
				.select(['i.id', 'i.title', 'i.departmentId'])
				.where('f.userId', '=', sanne.id)
				.orderBy('i.title')
				.execute();
			expect(followed.map((i) => i.title)).toEqual([
				'Dust caps and cleaning pens for fibre connectors on the test racks',
				'Kanban for cleanroom consumables in the gowning rooms'
			]);
			for (const i of followed) expect(i.departmentId).not.toBe(sanne.departmentId);
			const updates = await db
				.selectFrom('notification')
				.select(['params'])
				.where('userId', '=', sanne.id)
				.where('kind', '=', 'idea_update')
				.execute();
			expect(updates.map((n) => json(n.params).ideaId).sort()).toEqual(followed.map((i) => i.id).sort());
			expect(updates.map((n) => notificationText('idea_update', json(n.params)))).toContain(
				'An idea you follow moved on: “Kanban for cleanroom consumables in the gowning rooms” is now Semi-final.'
			);
		});

		it('tells followers only of public status changes after they followed, and nobody else', async () => {
			const updates = await db
				.selectFrom('notification as n')
				.select(['n.userId', 'n.params', 'n.createdAt'])
				.where('n.kind', '=', 'idea_update')
				.execute();
			expect(updates.length).toBeGreaterThan(2);
			for (const n of updates) {
				const p = json(n.params);
				const follow = await db
					.selectFrom('ideaFollow')
					.select('createdAt')
					.where('ideaId', '=', Number(p.ideaId))
					.where('userId', '=', n.userId)
					.executeTakeFirst();
				expect(follow, String(p.title)).toBeDefined();
				expect(n.createdAt.getTime()).toBeGreaterThan(follow!.createdAt.getTime());
				expect(ACCEPTED_AND_LATER as readonly string[]).toContain(p.status);
			}
		});

		it("has one comment hidden by the organiser with a reason, its audit row and the author's notification", async () => {
			const hidden = await db
				.selectFrom('comment as c')
				.innerJoin('appUser as by', 'by.id', 'c.hiddenBy')
				.innerJoin('idea as i', 'i.id', 'c.ideaId')
				.select(['c.id', 'c.ideaId', 'c.authorId', 'c.hiddenAt', 'c.hiddenReason', 'c.createdAt', 'by.name', 'i.title'])
				.where('c.hiddenAt', 'is not', null)
				.execute();
			expect(hidden.length).toBe(1);
			const [c] = hidden;
			expect(c.name).toBe('Ruud van Dijk');
			expect(c.hiddenReason).toMatch(/blames a shift/);
			expect(c.hiddenAt!.getTime()).toBeGreaterThan(c.createdAt.getTime());
			const audit = await db
				.selectFrom('auditLog')
				.select(['actorId', 'objectType', 'data', 'createdAt'])
				.where('action', '=', 'comment.hide')
				.where('objectId', '=', String(c.id))
				.execute();
			expect(audit.length).toBe(1);
			expect(audit[0]).toMatchObject({ objectType: 'comment', createdAt: c.hiddenAt });
			expect(json(audit[0].data)).toEqual({ ideaId: c.ideaId, reason: c.hiddenReason });
			const told = await db
				.selectFrom('notification')
				.select(['params', 'link'])
				.where('userId', '=', c.authorId)
				.where('kind', '=', 'comment_hidden')
				.execute();
			expect(told.map((n) => json(n.params))).toEqual([{ ideaId: c.ideaId, title: c.title, reason: c.hiddenReason }]);
			// The team answers colleagues in public: a reply by the team on an idea a colleague commented on.
			const replies = await db
				.selectFrom('comment as c')
				.innerJoin('ideaMember as m', (j) => j.onRef('m.ideaId', '=', 'c.ideaId').onRef('m.userId', '=', 'c.authorId'))
				.innerJoin('idea as i', 'i.id', 'c.ideaId')
				.select('i.title')
				.where('c.visibility', '=', 'team')
				.where('i.title', '=', 'Torque sequence shown bolt by bolt on the work-instruction screen')
				.execute();
			expect(replies.length).toBe(1);
		});

		it('has a one-minute idea from the poster at Line 3, its team leader asked to help as a helper', async () => {
			const idea = await db
				.selectFrom('idea as i')
				.innerJoin('appUser as u', 'u.id', 'i.createdBy')
				.select(['i.id', 'i.status', 'i.location', 'i.enteredBy', 'u.id as ownerId', 'u.managerId', 'u.jobLevel'])
				.where('i.location', '=', 'Line 3')
				.executeTakeFirstOrThrow();
			expect(idea).toMatchObject({ status: 'draft', enteredBy: null, jobLevel: 'operator' });
			const members = await db
				.selectFrom('ideaMember')
				.select(['userId', 'role'])
				.where('ideaId', '=', idea.id)
				.orderBy('role', 'desc')
				.execute();
			expect(members).toEqual([
				{ userId: idea.ownerId, role: 'owner' },
				{ userId: idea.managerId, role: 'helper' }
			]);
			expect((await findLeaderFacts(db, idea.ownerId)).teamLeader?.id).toBe(idea.managerId);
			const events = await db
				.selectFrom('ideaEvent')
				.select(['kind', 'actorId', 'data'])
				.where('ideaId', '=', idea.id)
				.orderBy('id')
				.execute();
			expect(events.map((e) => [e.kind, e.actorId, json(e.data)])).toEqual([
				['created', idea.ownerId, { via: 'one_minute', place: 'Line 3' }],
				['helper_asked', idea.ownerId, { userId: idea.managerId, as: 'team_leader' }]
			]);
			const asked = await db.selectFrom('notification').select(['userId', 'params']).where('kind', '=', 'help_asked').execute();
			expect(asked.map((n) => [n.userId, json(n.params).ideaId, json(n.params).name])).toEqual([
				[idea.managerId, idea.id, 'Mehmet Yilmaz']
			]);
		});

		it("has an idea a team leader entered for a colleague: the colleague owns it, the leader helps, submitted to the open call of the colleague's department", async () => {
			const idea = await db
				.selectFrom('idea as i')
				.innerJoin('competition as c', 'c.id', 'i.competitionId')
				.innerJoin('competitionDepartment as cd', (j) =>
					j.onRef('cd.competitionId', '=', 'c.id').onRef('cd.departmentId', '=', 'i.departmentId')
				)
				.innerJoin('appUser as owner', 'owner.id', 'i.createdBy')
				.select([
					'i.id',
					'i.title',
					'i.status',
					'i.createdBy',
					'i.enteredBy',
					'i.departmentId',
					'owner.departmentId as ownerDept',
					'c.status as call'
				])
				.where('i.enteredBy', 'is not', null)
				.execute();
			expect(idea.length).toBe(1);
			const [e] = idea;
			expect(e).toMatchObject({ status: 'submitted', call: 'open', departmentId: e.ownerDept });
			expect(e.enteredBy).not.toBe(e.createdBy);
			const members = await db
				.selectFrom('ideaMember')
				.select(['userId', 'role'])
				.where('ideaId', '=', e.id)
				.orderBy('role', 'desc')
				.execute();
			expect(members).toEqual([
				{ userId: e.createdBy, role: 'owner' },
				{ userId: e.enteredBy, role: 'helper' }
			]);
			// The one who entered it may (a team leader), and is not credited: the team is its owner.
			const leader = await findLeaderFacts(db, e.enteredBy!);
			const actor = await loadSessionUser(db, e.enteredBy!);
			expect(canEnterOnBehalf(actor, leader)).toBe(true);
			expect(await teamOf(e.id)).toEqual([e.createdBy]);
			const created = await db
				.selectFrom('ideaEvent')
				.select(['actorId', 'data'])
				.where('ideaId', '=', e.id)
				.where('kind', '=', 'created')
				.executeTakeFirstOrThrow();
			expect(created.actorId).toBe(e.enteredBy);
			expect(json(created.data)).toEqual({ enteredBy: e.enteredBy, onBehalfOf: e.createdBy, agreed: true });
			const told = await db.selectFrom('notification').select(['userId', 'params']).where('kind', '=', 'entered_for_you').execute();
			expect(told.map((n) => [n.userId, json(n.params).ideaId, json(n.params).name])).toEqual([[e.createdBy, e.id, 'Niels Gerritsen']]);
		});
	});

	describe('living work instructions, the glossary and real files (issue 17)', () => {
		const entryText = (e: { title: string; summary: string; problem: string; solution: string }) =>
			`${e.title} ${e.summary} ${e.problem} ${e.solution}`.toLowerCase();

		it('has a glossary of real English-Dutch pairs kept by the organiser, some with a note', async () => {
			const terms = await db
				.selectFrom('glossaryTerm as g')
				.innerJoin('appUser as u', 'u.id', 'g.createdBy')
				.select(['g.termEn', 'g.termNl', 'g.note', 'u.name'])
				.execute();
			expect(terms.length).toBeGreaterThanOrEqual(40);
			expect(new Set(terms.map((t) => t.name))).toEqual(new Set(['Ruud van Dijk']));
			const pairs = new Map(terms.map((t) => [t.termEn, t.termNl]));
			for (const [en, nl] of [
				['torque wrench', 'momentsleutel'],
				['work instruction', 'werkinstructie'],
				['safety', 'veiligheid'],
				['calibration', 'kalibratie'],
				['packaging', 'verpakking']
			])
				expect(pairs.get(en), en).toBe(nl);
			for (const t of terms) expect(t.termEn.toLowerCase(), 'a pair, not the same word twice').not.toBe(t.termNl.toLowerCase());
			expect(terms.filter((t) => t.note).length).toBeGreaterThanOrEqual(5);
		});

		it('has published entries in both languages that only the glossary connects', async () => {
			const entries = await db
				.selectFrom('kbEntry')
				.select(['id', 'title', 'summary', 'problem', 'solution'])
				.where('status', '=', 'published')
				.execute();
			const dutch = entries.filter((e) => / de | het | een /.test(` ${entryText(e)} `));
			expect(dutch.map((e) => e.title).sort()).toEqual([
				'5S-schaduwborden op de gereedschapswagens in de cleanroom',
				'Checklist van één pagina voor de eerste twee weken van een nieuwe cleanroomoperator',
				'Tweebakkensysteem (kanban) voor bevestigingsmiddelen aan de modulelijnen'
			]);
			expect(entries.length - dutch.length).toBeGreaterThanOrEqual(5);
			const all = entries.map(entryText);
			// "momentsleutel" and "werkinstructie" are nowhere in English entries; "packaging" nowhere at all.
			expect(all.filter((t) => t.includes('momentsleutel'))).toEqual([]);
			expect(all.filter((t) => t.includes('packaging'))).toEqual([]);
			const torque = entries.find((e) => e.title.startsWith('Torque-tool check-out'))!;
			expect(entryText(torque)).toContain('torque wrench');
			expect(entries.filter((e) => !dutch.includes(e) && entryText(e).includes('work instruction')).length).toBeGreaterThanOrEqual(3);
			expect(dutch.filter((e) => entryText(e).includes('verpakking')).map((e) => e.title)).toEqual([
				'Tweebakkensysteem (kanban) voor bevestigingsmiddelen aan de modulelijnen'
			]);
		});

		it('has WI-BO-0142 on the torque entry: version 1 approved by its owner, five steps with tools and safety, a photo and a captioned clip', async () => {
			const wi = await db
				.selectFrom('workInstruction as w')
				.innerJoin('kbEntry as k', 'k.id', 'w.kbEntryId')
				.innerJoin('appUser as u', 'u.id', 'w.ownerId')
				.select(['w.id', 'w.title', 'w.language', 'w.currentVersion', 'k.title as entry', 'u.name as owner'])
				.where('w.code', '=', 'WI-BO-0142')
				.executeTakeFirstOrThrow();
			expect(wi).toMatchObject({ title: 'Torque-tool check-out', language: 'en', currentVersion: 1, owner: 'Dennis Koster' });
			expect(wi.entry).toMatch(/^Torque-tool check-out/);
			const versions = await db.selectFrom('instructionVersion').selectAll().where('instructionId', '=', wi.id).execute();
			expect(versions.map((v) => [v.version, v.status])).toEqual([[1, 'approved']]);
			const steps = await db
				.selectFrom('instructionStep as s')
				.leftJoin('attachment as a', 'a.id', 's.mediaId')
				.select(['s.id', 's.position', 's.tools', 's.safety', 'a.kind', 'a.mediaType', 'a.instructionId'])
				.where('s.versionId', '=', versions[0].id)
				.orderBy('s.position')
				.execute();
			expect(steps.map((s) => s.position)).toEqual([1, 2, 3, 4, 5]);
			expect(steps.every((s) => s.tools)).toBe(true);
			expect(steps.filter((s) => s.safety).length).toBe(4);
			expect(steps.map((s) => s.kind)).toEqual(['photo', null, 'video', null, null]);
			expect(steps[2]).toMatchObject({ mediaType: 'video/webm', instructionId: wi.id });
			const clip = await db.selectFrom('instructionStep').select('mediaId').where('id', '=', steps[2].id).executeTakeFirstOrThrow();
			const children = await db
				.selectFrom('attachment')
				.select(['kind', 'lang', 'mediaType', 'instructionId'])
				.where('parentId', '=', clip.mediaId)
				.orderBy('kind')
				.orderBy('lang')
				.execute();
			expect(children).toEqual([
				{ kind: 'captions', lang: 'en', mediaType: 'text/vtt', instructionId: wi.id },
				{ kind: 'captions', lang: 'nl', mediaType: 'text/vtt', instructionId: wi.id },
				{ kind: 'photo', lang: null, mediaType: 'image/png', instructionId: wi.id }
			]);
			const runs = await db
				.selectFrom('instructionDepartment as d')
				.innerJoin('department as dp', 'dp.id', 'd.departmentId')
				.select(['dp.code', 'd.version'])
				.where('d.instructionId', '=', wi.id)
				.orderBy('dp.code')
				.execute();
			expect(runs).toEqual([
				{ code: 'ENG', version: 1 },
				{ code: 'TST', version: 1 }
			]);
		});

		it('has reports on WI-BO-0142 for every role: one closed as not needed with the reason, one passed to Quality', async () => {
			const reports = await db
				.selectFrom('instructionReport as r')
				.innerJoin('workInstruction as w', 'w.id', 'r.instructionId')
				.leftJoin('appUser as h', 'h.id', 'r.handlerId')
				.select(['r.id', 'r.status', 'r.resolution', 'r.resolutionNote', 'h.name as handler'])
				.where('w.code', '=', 'WI-BO-0142')
				.orderBy('r.id')
				.execute();
			expect(reports.map((r) => [r.status, r.resolution, r.handler])).toEqual([
				['closed', 'not_needed', null],
				['passed_on', null, 'Pieter de Groot']
			]);
			expect(reports[0].resolutionNote).toMatch(/^Not needed: /);
			const events = await db
				.selectFrom('instructionReportEvent')
				.select(['reportId', 'kind'])
				.where(
					'reportId',
					'in',
					reports.map((r) => r.id)
				)
				.orderBy('id')
				.execute();
			expect(events.filter((e) => e.reportId === reports[0].id).map((e) => e.kind)).toEqual(['reported', 'note', 'closed']);
			expect(events.filter((e) => e.reportId === reports[1].id).map((e) => e.kind)).toEqual(['reported', 'passed_on', 'note']);
			const audited = await db
				.selectFrom('auditLog')
				.select(['action', 'objectId'])
				.where('objectType', 'in', ['work_instruction', 'instruction_report'])
				.orderBy('id')
				.execute();
			expect(audited.filter((a) => a.action.startsWith('report.'))).toEqual([
				{ action: 'report.close', objectId: String(reports[0].id) },
				{ action: 'report.pass_on', objectId: String(reports[1].id) }
			]);
			expect(audited.filter((a) => a.action === 'instruction.approve').length).toBe(2);
			expect(audited.filter((a) => a.action === 'instruction.confirm').length).toBe(2);
		});

		it('has a Dutch instruction on a Dutch entry', async () => {
			const wi = await db
				.selectFrom('workInstruction as w')
				.innerJoin('kbEntry as k', 'k.id', 'w.kbEntryId')
				.innerJoin('instructionVersion as v', (j) => j.onRef('v.instructionId', '=', 'w.id').onRef('v.version', '=', 'w.currentVersion'))
				.innerJoin('instructionStep as s', 's.versionId', 'v.id')
				.select(['w.code', 'w.language', 'k.title'])
				.select((eb) => eb.fn.countAll<number>().as('steps'))
				.where('w.language', '=', 'nl')
				.groupBy(['w.code', 'w.language', 'k.title'])
				.execute();
			expect(wi).toEqual([
				{ code: 'WI-LOG-0031', language: 'nl', title: 'Tweebakkensysteem (kanban) voor bevestigingsmiddelen aan de modulelijnen', steps: 4 }
			]);
		});

		it('stores real files with the size, SHA-256 and type of their rows: the PDFs, the video the torque entry names, captions, poster, photo', async () => {
			const files = await db
				.selectFrom('attachment as a')
				.leftJoin('kbEntry as k', 'k.id', 'a.kbEntryId')
				.select(['a.kind', 'a.fileName', 'a.mediaType', 'a.sizeBytes', 'a.sha256', 'a.storageKey', 'a.parentId', 'k.title as entry'])
				.execute();
			expect(files.length).toBe(11);
			for (const f of files) {
				const bytes = await storedBytes(f.storageKey);
				expect(bytes.length, f.fileName).toBe(f.sizeBytes);
				expect(createHash('sha256').update(bytes).digest('hex'), f.fileName).toBe(f.sha256);
				if (f.mediaType === 'application/pdf') {
					const pdf = await PDFDocument.load(bytes);
					expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
					expect(pdf.getTitle()).toMatch(/^WI-(BO-0142|LOG-0031) /);
				}
				if (f.mediaType === 'video/webm') {
					expect(bytes.subarray(0, 4).toString('hex')).toBe('1a45dfa3');
					expect(bytes.length).toBeLessThan(400_000);
				}
				if (f.mediaType === 'text/vtt') expect(bytes.toString('utf8')).toMatch(/^WEBVTT\n\n1\n00:00:00\.000 --> 00:00:04\.000\n/);
				if (f.mediaType === 'image/png') expect(bytes.subarray(1, 4).toString()).toBe('PNG');
			}
			const torque = files.filter((f) => f.entry?.startsWith('Torque-tool check-out') && f.parentId === null);
			expect(torque.map((f) => [f.kind, f.fileName]).sort()).toEqual([
				['video', 'torque-tool-check-out.webm'],
				['work_instruction', 'WI-BO-0142-torque-tool-check-out.pdf']
			]);
		});
	});

	describe('the personas of the README', () => {
		it('are the people the sign-in page features', () => {
			const readme = readFileSync('README.md', 'utf8');
			const table = readme.slice(readme.indexOf('| persona'), readme.indexOf('\n\n', readme.indexOf('| persona')));
			const names = table
				.split('\n')
				.slice(2)
				.map((line) => line.split('|')[2].split(',')[0].trim());
			expect(names).toEqual(DEMO_PERSONAS.map((p) => p.name));
		});

		it('each have something real to do', async () => {
			const todo: Record<string, string> = {};
			for (const p of DEMO_PERSONAS) {
				const user = await persona(p.email);
				const home = await loadHome(db, user);
				const what: string[] = [];
				if (home.waiting.length && home.calls.length) what.push('resubmit a returned idea, or enter the open call');
				if (home.mentor && home.mentor.waiting > 0) what.push('answer a mentoring request');
				for (const r of home.juror ?? [])
					if (r.status === 'open' && r.pending > 0 && r.next) what.push(`score ${r.pending} ideas in the open ${r.kind}`);
				if ((home.organiser ?? []).some((c) => c.waiting > 0)) what.push('answer submitted ideas');
				if (home.admin && home.admin.people > 0 && user.roles.includes('admin')) {
					const audit = await db
						.selectFrom('auditLog')
						.select((eb) => eb.fn.countAll<number>().as('n'))
						.executeTakeFirstOrThrow();
					if (Number(audit.n) > 0) what.push('manage people and read the audit log');
				}
				todo[p.name] = what.join('; ');
			}
			expect(todo).toEqual({
				'Sanne Bakker': 'resubmit a returned idea, or enter the open call',
				'Pieter de Groot': 'answer a mentoring request',
				// The reporting line the whole way up: Marieke is above the teams of six more semi-final
				// ideas, Hans above two of the three Safety finalists' teams (their pages say why).
				'Marieke Visser': 'score 4 ideas in the open semi_final',
				'Hans Mulder': 'score 1 ideas in the open final',
				'Ruud van Dijk': 'answer submitted ideas',
				'Esther Smit': 'score 3 ideas in the open semi_final; manage people and read the audit log'
			});
		});
	});
});
