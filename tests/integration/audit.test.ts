/** The audit trail on a real database: what a line records, how the log lists it, and that only admins read it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/index.js';
import type { SessionUser } from '$lib/server/org/users.service.js';
import { recordAudit } from '$lib/server/audit/audit.queries.js';
import { exportAuditLog, getAuditPage, listAuditLog } from '$lib/server/audit/audit.service.js';
import { auditQuerySchema, type AuditQuery } from '$lib/server/audit/audit.schema.js';
import { detailsText } from '$lib/server/audit/audit-details.js';
import type { KyselyPlugin } from 'kysely';
import { changeRole } from '$lib/server/org/users.service.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';
import { factories } from '../fixtures/factories.js';
import { judgingFactories } from '../fixtures/judging-factories.js';

let testDb: TestDatabase;
let db: Database;
let f: ReturnType<typeof factories>;
let ada: SessionUser; // admin
let otto: SessionUser; // organiser and admin
let olga: SessionUser; // organiser
let eve: SessionUser; // employee
let max: SessionUser; // mentor
let judy: SessionUser; // juror
let pia: SessionUser; // whose account the admin changes
let cupId: number;
let roundId: number;

/** The line recorded last, as stored. */
const lastLine = () => db.selectFrom('auditLog').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	f = factories(db);
	const judging = judgingFactories(db);
	const { id: departmentId } = await f.newDepartment('AUD');
	ada = await f.newUser({ departmentId, name: 'Ada Admin', roles: ['admin'] });
	otto = await f.newUser({ departmentId, name: 'Otto Both', roles: ['organiser', 'admin'] });
	olga = await f.newUser({ departmentId, name: 'Olga Organiser', roles: ['organiser'] });
	eve = await f.newUser({ departmentId, name: 'Eve Employee' });
	max = await f.newUser({ departmentId, name: 'Max Mentor', mentor: true });
	judy = await f.newUser({ departmentId, name: 'Judy Juror' });
	pia = await f.newUser({ departmentId, name: 'Pia Person' });
	const cup = await f.newCompetition({ open: false });
	cupId = cup.id;
	roundId = (await judging.newRound({ competitionId: cup.id, juries: [{ departmentId, members: [judy] }] })).id;
	judy = await judging.reload(judy);
});

afterAll(async () => {
	await testDb?.close();
});

describe(`audit (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
	describe('recording', () => {
		it('keeps who did what to which object, the object id as text and the details as JSON', async () => {
			await recordAudit(db, {
				actorId: ada.id,
				action: 'idea.move',
				objectType: 'idea',
				objectId: 42,
				data: { from: 'submitted', to: 'accepted', reasons: ['fits', 'cheap'] }
			});
			const line = await lastLine();
			expect(line).toMatchObject({
				actorId: ada.id,
				action: 'idea.move',
				objectType: 'idea',
				objectId: '42',
				data: { from: 'submitted', to: 'accepted', reasons: ['fits', 'cheap'] }
			});
			expect(new Date(line.createdAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
		});

		it('keeps no details as an empty object, and a line of the portal itself without an actor', async () => {
			await recordAudit(db, { actorId: null, action: 'seed.demo', objectType: 'portal', objectId: 'demo' });
			expect(await lastLine()).toMatchObject({ actorId: null, action: 'seed.demo', objectType: 'portal', objectId: 'demo', data: {} });
		});

		it('is written in the same transaction as the change: a rolled-back change leaves no line', async () => {
			const before = await lastLine();
			await expect(
				db.transaction().execute(async (trx) => {
					await recordAudit(trx, { actorId: ada.id, action: 'user.disabled', objectType: 'user', objectId: pia.id });
					throw new Error('the change failed');
				})
			).rejects.toThrow('the change failed');
			expect((await lastLine()).id).toBe(before.id);
		});

		it("records an admin's role changes with the admin as actor, and nothing for a change that changes nothing", async () => {
			await changeRole(db, ada, pia.id, 'organiser', true);
			await changeRole(db, ada, pia.id, 'organiser', true);
			await changeRole(db, ada, pia.id, 'organiser', false);
			await changeRole(db, ada, pia.id, 'organiser', false);
			const lines = await listAuditLog(db, ada, 2);
			expect(lines.map(({ action, objectType, objectId, data, actorName }) => ({ action, objectType, objectId, data, actorName }))).toEqual(
				[
					{ action: 'role.revoked', objectType: 'user', objectId: String(pia.id), data: { role: 'organiser' }, actorName: 'Ada Admin' },
					{ action: 'role.granted', objectType: 'user', objectId: String(pia.id), data: { role: 'organiser' }, actorName: 'Ada Admin' }
				]
			);
			const aboutPia = await db
				.selectFrom('auditLog')
				.select('id')
				.where('objectType', '=', 'user')
				.where('objectId', '=', String(pia.id))
				.execute();
			expect(aboutPia).toHaveLength(2);
		});
	});

	describe('listing', () => {
		it("lists the newest line first, with the actor's name, and none for the portal's own lines", async () => {
			await recordAudit(db, { actorId: otto.id, action: 'competition.create', objectType: 'competition', objectId: 7 });
			await recordAudit(db, { actorId: null, action: 'notifications.sent', objectType: 'round', objectId: 3, data: { count: 12 } });
			await recordAudit(db, { actorId: olga.id, action: 'competition.status', objectType: 'competition', objectId: 7 });
			const lines = await listAuditLog(db, ada, 3);
			expect(lines.map(({ action, actorName, objectId, data }) => ({ action, actorName, objectId, data }))).toEqual([
				{ action: 'competition.status', actorName: 'Olga Organiser', objectId: '7', data: {} },
				{ action: 'notifications.sent', actorName: null, objectId: '3', data: { count: 12 } },
				{ action: 'competition.create', actorName: 'Otto Both', objectId: '7', data: {} }
			]);
			expect(lines[0].id).toBeGreaterThan(lines[1].id);
			expect(lines[1].id).toBeGreaterThan(lines[2].id);
		});

		it('shows the 200 newest lines unless told otherwise', async () => {
			await db
				.insertInto('auditLog')
				.values(
					Array.from({ length: 250 }, (_, i) => ({ actorId: eve.id, action: `bulk.${i + 1}`, objectType: 'test', objectId: String(i + 1) }))
				)
				.execute();
			const lines = await listAuditLog(db, ada);
			expect(lines).toHaveLength(200);
			expect(lines[0].action).toBe('bulk.250');
			expect(lines[199].action).toBe('bulk.51');
			expect((await listAuditLog(db, ada, 5)).map((l) => l.action)).toEqual(['bulk.250', 'bulk.249', 'bulk.248', 'bulk.247', 'bulk.246']);
		});

		it("keeps a person's lines when the person is gone, without their name", async () => {
			const leaver = await f.newUser({ name: 'Lea Leaver' });
			await recordAudit(db, { actorId: leaver.id, action: 'idea.submit', objectType: 'idea', objectId: 99 });
			await db.deleteFrom('appUser').where('id', '=', leaver.id).execute();
			const [line] = await listAuditLog(db, ada, 1);
			expect(line).toMatchObject({ action: 'idea.submit', objectId: '99', actorName: null });
		});
	});

	describe('who may read it', () => {
		it('admins read the log, also when they hold another role', async () => {
			expect(await listAuditLog(db, ada, 1)).toHaveLength(1);
			expect(await listAuditLog(db, otto, 1)).toHaveLength(1);
		});

		it('anyone else is answered as if the log did not exist', async () => {
			expect(olga.roles).toEqual(['employee', 'organiser']);
			expect(max.roles).toEqual(['employee', 'mentor']);
			expect(judy.roles).toEqual(['employee', 'juror']);
			for (const person of [olga, eve, max, judy]) {
				await expect(listAuditLog(db, person)).rejects.toMatchObject({ code: 'not_found', status: 404 });
			}
		});
	});

	describe('the admin page', () => {
		/** The query as the page reads it from its address. */
		const query = (params: Record<string, string> = {}): AuditQuery => auditQuerySchema.parse(params);

		/** The same database, counting the statements it runs (a result per statement; a union's branches are one). */
		function counting() {
			const statements: number[] = [];
			const plugin: KyselyPlugin = {
				transformQuery: (args) => args.node,
				transformResult: (args) => {
					statements.push(args.result.rows.length);
					return Promise.resolve(args.result);
				}
			};
			return { db: db.withPlugin(plugin), statements };
		}

		it('filters by action, actor, object type and whole Amsterdam days, and counts what it found', async () => {
			const at = (iso: string, action: string, actorId: number | null, objectType = 'idea') => ({
				actorId,
				action,
				objectType,
				objectId: '1',
				createdAt: new Date(iso)
			});
			await db
				.insertInto('auditLog')
				.values([
					at('2025-03-01T22:30:00Z', 'days.test', ada.id), // 23:30 on 1 March in Amsterdam
					at('2025-03-01T23:30:00Z', 'days.test', ada.id), // 00:30 on 2 March
					at('2025-03-02T22:59:00Z', 'days.test', otto.id, 'round'), // 23:59 on 2 March
					at('2025-03-02T23:00:00Z', 'days.test', otto.id) // 00:00 on 3 March
				])
				.execute();
			const count = async (params: Record<string, string>) =>
				(await getAuditPage(db, ada, query({ action: 'days.test', ...params }))).total;
			expect(await count({})).toBe(4);
			expect(await count({ from: '2025-03-02', to: '2025-03-02' })).toBe(2);
			expect(await count({ from: '2025-03-02' })).toBe(3);
			expect(await count({ to: '2025-03-01' })).toBe(1);
			expect(await count({ actor: String(otto.id) })).toBe(2);
			expect(await count({ type: 'round' })).toBe(1);
			expect(await count({ actor: String(otto.id), type: 'idea', from: '2025-03-03' })).toBe(1);
			// Nonsense in the address is no filter, never an error.
			expect(await count({ from: '2025-02-30', to: 'yesterday', actor: 'ada', type: '' })).toBe(4);
		});

		it('offers the actions, object types and people that occur in the log', async () => {
			const { options } = await getAuditPage(db, ada, query());
			expect(options.actions).toEqual(expect.arrayContaining(['days.test', 'role.granted', 'competition.create']));
			expect(options.actions).toEqual([...options.actions].sort());
			expect(options.types).toEqual(expect.arrayContaining(['idea', 'round', 'user', 'competition']));
			expect(options.actors).toEqual(
				expect.arrayContaining([
					{ id: ada.id, name: 'Ada Admin' },
					{ id: otto.id, name: 'Otto Both' }
				])
			);
			expect(options.actors.map((a) => a.name)).not.toContain('Pia Person');
		});

		it('reads each line as key: value with what it names linked: idea, person, round, jury (for an organiser)', async () => {
			const idea = await f.newIdea({ owner: eve, competitionId: cupId, title: 'Shadow boards at every press', status: 'submitted' });
			const jury = await db.selectFrom('jury').select('id').where('roundId', '=', roundId).executeTakeFirstOrThrow();
			await recordAudit(db, {
				actorId: olga.id,
				action: 'links.test',
				objectType: 'idea',
				objectId: idea.id,
				data: { mentorId: max.id, roundId, status: { from: 'submitted', to: 'accepted' } }
			});
			await recordAudit(db, { actorId: olga.id, action: 'links.test', objectType: 'jury', objectId: jury.id, data: { userId: judy.id } });
			const { lines, total } = await getAuditPage(db, otto, query({ action: 'links.test' }));
			expect(total).toBe(2);
			const [onJury, onIdea] = lines;
			expect(onIdea.actor).toEqual({ text: 'Olga Organiser', href: `/admin/users?q=${encodeURIComponent(olga.email)}` });
			expect(onIdea.object).toEqual({ text: 'Shadow boards at every press', href: `/ideas/${idea.id}` });
			expect(onIdea.details).toEqual([
				{ key: 'mentor', parts: [{ text: 'Max Mentor', href: `/admin/users?q=${encodeURIComponent(max.email)}` }] },
				// eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers (expect.stringContaining) as any
				{ key: 'round', parts: [{ text: expect.stringContaining(' · '), href: `/organise/competitions/${cupId}/rounds/${roundId}` }] },
				{ key: 'status', parts: [{ text: 'submitted' }, { text: ' → ' }, { text: 'accepted' }] }
			]);
			expect(onJury.object.href).toBe(`/organise/competitions/${cupId}/rounds/${roundId}#juries`);
			expect(detailsText(onJury.details)).toBe('user: Judy Juror');

			// An admin who is no organiser: a submitted idea of someone else, before the call closes,
			// stays a number; rounds and juries are named without a link they could not open.
			const asAdmin = await getAuditPage(db, ada, query({ action: 'links.test' }));
			const [juryForAdmin, ideaForAdmin] = asAdmin.lines;
			expect(ideaForAdmin.object).toEqual({ text: `#${idea.id}` });
			expect(ideaForAdmin.details[0].parts[0].href).toBe(`/admin/users?q=${encodeURIComponent(max.email)}`);
			expect(ideaForAdmin.details[1].parts).toEqual([{ text: onIdea.details[1].parts[0].text }]);
			expect(juryForAdmin.object.href).toBeUndefined();
		});

		it('pages through the log, newest first, in at most five statements whatever a page names', async () => {
			const ideas = await Promise.all(
				Array.from({ length: 6 }, (_, i) => f.newIdea({ owner: eve, competitionId: cupId, title: `Paged idea ${i}`, status: 'submitted' }))
			);
			await db
				.insertInto('auditLog')
				.values(
					Array.from({ length: 60 }, (_, i) => ({
						actorId: [ada, otto, olga][i % 3].id,
						action: 'paging.test',
						objectType: ['idea', 'user', 'round', 'competition'][i % 4],
						objectId: String([ideas[i % 6].id, pia.id, roundId, cupId][i % 4]),
						data: JSON.stringify({ ideaIds: ideas.map((x) => x.id), userId: max.id, roundId })
					}))
				)
				.execute();
			const counted = counting();
			const first = await getAuditPage(counted.db, otto, query({ action: 'paging.test' }));
			expect(counted.statements.length).toBeLessThanOrEqual(5);
			expect(first.total).toBe(60);
			expect(first.lines).toHaveLength(first.pageSize);
			const second = await getAuditPage(db, otto, query({ action: 'paging.test', page: '2' }));
			expect(second.lines).toHaveLength(60 - first.pageSize);
			const ids = [...first.lines, ...second.lines].map((l) => l.id);
			expect(ids).toEqual([...ids].sort((a, b) => b - a));
			expect(new Set(ids).size).toBe(60);
			expect(first.lines.every((l) => l.object.href)).toBe(true);
		});

		it('exports every line the filter finds, not only a page, described as on the page', async () => {
			const lines = await exportAuditLog(db, otto, query({ action: 'paging.test', page: '2' }));
			expect(lines).toHaveLength(60);
			expect(detailsText(lines[0].details)).toMatch(/^ideas: Paged idea 0, Paged idea 1, .*; round: .+ · .+; user: Max Mentor$/);
		});

		it("is no one else's: the page and the export are refused as if they did not exist", async () => {
			for (const person of [olga, eve, max, judy]) {
				await expect(getAuditPage(db, person, query())).rejects.toMatchObject({ status: 404 });
				await expect(exportAuditLog(db, person, query())).rejects.toMatchObject({ status: 404 });
			}
		});
	});
});
