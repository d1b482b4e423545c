import { describe, expect, it } from 'vitest';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { checkZip, ZipRefused } from './zip-guard';

/** A minimal zip archive: each entry deflated, with a lie about its size where asked. */
function zip(entries: Array<{ name: string; content: Buffer; declaredSize?: number }>): Uint8Array {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const e of entries) {
		const name = Buffer.from(e.name);
		const data = deflateRawSync(e.content);
		const size = e.declaredSize ?? e.content.length;
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(8, 8);
		local.writeUInt32LE(data.length, 18);
		local.writeUInt32LE(size, 22);
		local.writeUInt16LE(name.length, 26);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(8, 10);
		central.writeUInt32LE(data.length, 20);
		central.writeUInt32LE(size, 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt32LE(offset, 42);
		locals.push(local, name, data);
		centrals.push(central, name);
		offset += local.length + name.length + data.length;
	}
	const directory = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const limits = { maxEntries: 200, maxUnpackedBytes: 20 * 1024 * 1024 };
const reasonOf = (bytes: Uint8Array) => {
	try {
		checkZip(bytes, limits);
		return 'ok';
	} catch (e) {
		if (e instanceof ZipRefused) return e.reason;
		throw e;
	}
};

describe('looking inside a zip before unpacking it', () => {
	it('lets a real workbook through and says what it unpacks to', async () => {
		const book = new ExcelJS.Workbook();
		book.addWorksheet('Scores').addRow(['round_id', 'idea_id', 'title']);
		const bytes = new Uint8Array(await book.xlsx.writeBuffer());
		const seen = checkZip(bytes, limits);
		expect(seen.entries).toBeGreaterThan(3);
		expect(seen.unpackedBytes).toBeGreaterThan(1000);
	});

	it('refuses a bomb that tells the truth about its size, before inflating anything', () => {
		const bomb = zip([{ name: 'xl/worksheets/sheet1.xml', content: Buffer.alloc(64 * 1024 * 1024) }]);
		expect(bomb.length).toBeLessThan(200 * 1024);
		expect(reasonOf(bomb)).toBe('too_large');
	});

	it('refuses a bomb that lies about its size, stopping at the cap, quickly', () => {
		const liar = zip([{ name: 'xl/worksheets/sheet1.xml', content: Buffer.alloc(64 * 1024 * 1024), declaredSize: 1000 }]);
		const started = performance.now();
		expect(reasonOf(liar)).toBe('too_large');
		expect(performance.now() - started).toBeLessThan(5000);
	});

	it('refuses many small parts adding up, and too many parts', () => {
		const parts = Array.from({ length: 30 }, (_, i) => ({ name: `p${i}.xml`, content: Buffer.alloc(1024 * 1024), declaredSize: 10 }));
		expect(reasonOf(zip(parts))).toBe('too_large');
		const many = Array.from({ length: 201 }, (_, i) => ({ name: `p${i}.xml`, content: Buffer.from('x') }));
		expect(reasonOf(zip(many))).toBe('too_many_entries');
	});

	it('refuses what is not a zip', () => {
		expect(reasonOf(new TextEncoder().encode('round_id,idea_id\n1,2\n'))).toBe('not_a_zip');
		expect(reasonOf(zip([{ name: 'a.xml', content: Buffer.from('hello') }]).subarray(0, 40))).toBe('not_a_zip');
	});
});
