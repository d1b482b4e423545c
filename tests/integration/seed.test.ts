/**
 * The demo organisation on a fresh database, as `npm start` and `npm run db:seed` build it:
 * it may show only what the portal does. Notifications are of the kinds the services send,
 * with the params their texts read; the closed 2025 edition was judged in real rounds whose
 * score sheets give its outcomes, so its finalists' feedback pages open; and every persona
 * the README offers has something real to do.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
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

let testDb: TestDatabase;
let db: Database;

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	const result = await seedDemo(db);
	expect(result.seeded).toBe(true);
}, 300_000);

afterAll(async () => {
	await testDb?.close();
});

/**
 * What each service sends: the params it stores and where the notification leads
 * (grep `insertNotifications` and `notify:` in src/lib/server/**\/*.service.ts).
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
	kb_unpublished: { params: ['title', 'reason'], link: /^\/ideas\/\d+\/implementation$/ }
};

function serviceSources(dir = 'src/lib/server'): string {
	return readdirSync(dir, { withFileTypes: true })
		.flatMap((d) => {
			const path = join(dir, d.name);
			if (d.isDirectory()) return d.name === 'seed' ? [] : [serviceSources(path)];
			return d.name.endsWith('.service.ts') ? [readFileSync(path, 'utf8')] : [];
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
