/**
 * The offline sheet on a real database: export, rows taken and refused with their reasons,
 * a file that is not a sheet, the Excel round trip.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/index.js';
import { countStatements, newTally } from '$lib/server/db/statement-count.js';
import { exportOfflineSheet, importOfflineSheet } from '$lib/server/scoring/offline-sheet.service.js';
import { deflateRawSync } from 'node:zlib';

/** One part of zeros, deflated: a few KB that unpack to `size` bytes; its size declared small. */
function zipBomb(size: number): Uint8Array {
	const name = Buffer.from('xl/worksheets/sheet1.xml');
	const data = deflateRawSync(Buffer.alloc(size));
	const local = Buffer.alloc(30);
	local.writeUInt32LE(0x04034b50, 0);
	local.writeUInt16LE(8, 8);
	local.writeUInt32LE(data.length, 18);
	local.writeUInt32LE(1000, 22);
	local.writeUInt16LE(name.length, 26);
	const central = Buffer.alloc(46);
	central.writeUInt32LE(0x02014b50, 0);
	central.writeUInt16LE(8, 10);
	central.writeUInt32LE(data.length, 20);
	central.writeUInt32LE(1000, 24);
	central.writeUInt16LE(name.length, 28);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(1, 8);
	end.writeUInt16LE(1, 10);
	end.writeUInt32LE(central.length + name.length, 12);
	end.writeUInt32LE(local.length + name.length + data.length, 16);
	return new Uint8Array(Buffer.concat([local, name, data, central, name, end]));
}
import { createTestDatabase, type TestDatabase } from './helpers/test-db.js';
import { judgingWorld, type JudgingWorld } from '../fixtures/judging-factories.js';

let testDb: TestDatabase;
let db: Database;
let f: JudgingWorld['f'], j: JudgingWorld['j'], cup: { id: number }, bo: { id: number };
let sheetCount: JudgingWorld['sheetCount'];

beforeAll(async () => {
	testDb = await createTestDatabase();
	db = testDb.db;
	({ f, j, bo, cup, sheetCount } = await judgingWorld(db));
}, 60_000);

afterAll(async () => {
	await testDb?.close();
});

describe('the offline sheet', () => {
	it('takes valid rows, refuses bad ones with the reason, and refuses a file that is not a sheet', async () => {
		const owner = await f.newUser({ departmentId: bo.id });
		// One after another: created at once through a pool, their ids could come in any order.
		const ideas = [];
		for (const i of [1, 2, 3]) ideas.push(await f.newIdea({ owner, competitionId: cup.id, status: 'semi_final', title: `Offline ${i}` }));
		const juror0 = await f.newUser({ departmentId: bo.id });
		const round = await j.newRound({
			competitionId: cup.id,
			juries: [{ departmentId: bo.id, members: [juror0] }],
			entries: ideas.map((i) => ({ ideaId: i.id, departmentId: bo.id }))
		});
		const juror = await j.reload(juror0);
		const exported = newTally();
		const csv = String((await countStatements(exported, () => exportOfflineSheet(db, juror, round.id, 'csv'))).body).replace(/^\uFEFF/, '');
		expect(exported.statements).toBe(1);
		const [header, ...lines] = csv.trim().split('\n');
		const fill = (line: string, values: string[]) => {
			const cells = line.split(',');
			values.forEach((v, i) => (cells[4 + 2 * i] = v));
			return cells.join(',');
		};
		const upload = [
			header,
			fill(lines[0], ['5', '4', '3', '4', '2', '5']),
			fill(lines[1], ['9', '4', '', '', '', '']),
			lines[2],
			`${round.id},999999,Nope,0`
		].join('\n');
		const imported = newTally();
		const report = await countStatements(imported, () =>
			importOfflineSheet(db, juror, round.id, { bytes: new TextEncoder().encode(upload), name: 'scores.csv' })
		);
		expect(imported.statements).toBe(2); // what the sheet needs, then every row written in one
		expect(report.fileRefused).toBeNull();
		expect(report.rows.map((r) => r.result)).toEqual(['taken', 'refused', 'skipped', 'refused']);
		expect(report.rows[1].reasons).toEqual([{ code: 'outside_scale', column: 'roll_out' }]);
		expect(report.rows[3].reasons[0].code).toBe('not_in_queue');
		const sheets = await db.selectFrom('scoreSheet').select(['ideaId', 'submittedAt']).where('roundId', '=', round.id).execute();
		expect(sheets).toHaveLength(1);
		expect(sheets[0].submittedAt).not.toBeNull();

		// The same file again: the first row is now stale (version 0, sheet at 1) unless unchanged.
		const again = await importOfflineSheet(db, juror, round.id, { bytes: new TextEncoder().encode(upload), name: 'scores.csv' });
		expect(again.rows[0].result).toBe('skipped');

		// Two rows at once are written in the same one statement; nothing else changes.
		const both = newTally();
		const two = await countStatements(both, () =>
			importOfflineSheet(db, juror, round.id, {
				bytes: new TextEncoder().encode(
					[header, fill(lines[1], ['1', '2', '3', '4', '5', '1']), fill(lines[2], ['2', '', '', '', '', ''])].join('\n')
				),
				name: 'scores.csv'
			})
		);
		expect(two.rows.map((r) => r.result)).toEqual(['taken', 'taken']);
		expect(both.statements).toBe(2);
		const stored = await db
			.selectFrom('scoreSheet as h')
			.select((eb) => [
				'h.ideaId',
				'h.version',
				'h.submittedAt',
				eb.selectFrom('score as s').select(eb.fn.countAll<number>().as('n')).whereRef('s.sheetId', '=', 'h.id').as('n')
			])
			.where('h.roundId', '=', round.id)
			.orderBy('h.ideaId')
			.execute();
		expect(stored.map((h) => [h.ideaId, h.version, !!h.submittedAt, Number(h.n)])).toEqual([
			[ideas[0].id, 1, true, 6],
			[ideas[1].id, 1, true, 6],
			[ideas[2].id, 1, false, 1]
		]);

		const wrong = await importOfflineSheet(db, juror, round.id, { bytes: new TextEncoder().encode('a,b,c\n1,2,3'), name: 'x.csv' });
		expect(wrong.fileRefused).toBe('wrong_columns');
		const binary = await importOfflineSheet(db, juror, round.id, { bytes: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 1]), name: 'x.xlsx' });
		expect(binary.fileRefused).toBe('not_a_sheet');
		// A workbook that unpacks to 48 MB (a zip bomb) is refused before it is parsed, in well under a second.
		const bomb = zipBomb(48 * 1024 * 1024);
		const started = performance.now();
		const bombed = await importOfflineSheet(db, juror, round.id, { bytes: bomb, name: 'scores.xlsx' });
		expect(bombed.fileRefused).toBe('sheet_unpacks_too_large');
		expect(performance.now() - started).toBeLessThan(3000);

		// Excel round trip.
		const xlsx = await exportOfflineSheet(db, juror, round.id, 'xlsx');
		const back = await importOfflineSheet(db, juror, round.id, { bytes: xlsx.body as Uint8Array, name: xlsx.fileName });
		expect(back.fileRefused).toBeNull();
		expect(back.rows.every((r) => r.result === 'skipped')).toBe(true);
		expect(await sheetCount(round.id)).toBe(3);
	});
});
