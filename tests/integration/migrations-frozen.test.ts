/**
 * Landed migrations are frozen (STYLE.md, "Database"): a database that already ran one
 * never runs it again, so an edit would give old and new installations different schemas.
 * migrations/landed.json holds the SHA-256 of every landed migration. When a migration
 * lands, add its file name and `sha256sum migrations/<file>` to that list; a migration not
 * listed yet is still being written and is not checked.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const folder = new URL('../../migrations/', import.meta.url);
const landed = JSON.parse(readFileSync(new URL('landed.json', folder), 'utf8')) as Record<string, string>;

function sha256(file: URL): string {
	return createHash('sha256').update(readFileSync(file)).digest('hex');
}

describe('landed migrations', () => {
	it('lists migration files with a SHA-256 each', () => {
		expect(Object.keys(landed).length).toBeGreaterThan(0);
		for (const [name, hash] of Object.entries(landed)) {
			expect(name).toMatch(/^\d{4}_[a-z0-9_]+\.ts$/);
			expect(hash).toMatch(/^[0-9a-f]{64}$/);
		}
	});

	it.each(Object.entries(landed))('keeps %s as it landed', (name, hash) => {
		const file = new URL(name, folder);
		expect(existsSync(file), `migrations/${name} has landed and must stay: restore it, and add a new migration for the change.`).toBe(true);
		expect(
			sha256(file),
			`migrations/${name} has landed and is frozen: restore it (git checkout -- migrations/${name}) and add a new migration for the change.`
		).toBe(hash);
	});
});
