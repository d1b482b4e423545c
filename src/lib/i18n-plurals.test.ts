/**
 * Counts in sentences agree with their number in both languages ("1 result", "2 results";
 * "1 resultaat", "2 resultaten"): such messages are plural variants in the message format,
 * never one text with "{count} results" in it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages.js';

const en = { locale: 'en' as const };
const nl = { locale: 'nl' as const };

describe('counts in sentences', () => {
	it('say one thing in the singular and more in the plural, in English and Dutch', () => {
		expect(m.kb_results_for({ count: 1, q: 'torque' }, en)).toBe('1 result for “torque”');
		expect(m.kb_results_for({ count: 2, q: 'torque' }, en)).toBe('2 results for “torque”');
		expect(m.kb_results_for({ count: '1', q: 'torque' }, nl)).toBe('1 resultaat voor “torque”');
		expect(m.kb_results_for({ count: '0', q: 'torque' }, nl)).toBe('0 resultaten voor “torque”');
		expect(m.kb_results_count({ count: 1 }, en)).toBe('1 improvement');
		expect(m.kb_dept_people({ count: 1 }, en)).toBe('1 person');
		expect(m.kb_dept_people({ count: 1 }, nl)).toBe('1 medewerker');
		expect(m.judging_excluded_note({ count: 1 }, en)).toBe('1 idea left out because of a conflict of interest.');
		expect(m.judging_excluded_note({ count: 2 }, nl)).toBe('2 ideeën weggelaten wegens een belangenconflict.');
		expect(m.judging_deadline({ date: '1 Dec', days: 1 }, en)).toBe('Scoring closes 1 Dec (1 day left)');
		expect(m.judging_deadline({ date: '1 dec', days: 1 }, nl)).toBe('Beoordelen sluit 1 dec (nog 1 dag)');
		expect(m.judging_filled({ filled: 0, total: 1 }, en)).toBe('0 of 1 criterion scored');
		expect(m.judging_filled({ filled: 3, total: 6 }, en)).toBe('3 of 6 criteria scored');
		expect(m.screening_days({ days: 0, limit: 1 }, nl)).toBe('0 van 1 werkdag');
		expect(m.mentoring_home_load({ active: 1, capacity: 1 }, en)).toBe('1 of 1 place in use');
		expect(m.mentoring_reason_places({ free: 2, capacity: 3 }, en)).toBe('2 of 3 places free');
		expect(m.notification_ideas_waiting({ count: 1 }, en)).toBe('1 idea waits longer than the response time.');
		expect(m.judging_upload_summary({ taken: 1, refused: 0, skipped: 2 }, en)).toBe('1 row taken, 0 refused, 2 without changes.');
		expect(m.audit_count({ count: 1 }, nl)).toBe('1 regel');
	});

	it('agree with both numbers where a sentence has two', () => {
		expect(m.mentoring_review_count({ count: 1, total: 1 }, en)).toBe('1 of 1 idea gets a mentor.');
		expect(m.mentoring_review_count({ count: 1, total: 4 }, en)).toBe('1 of 4 ideas gets a mentor.');
		expect(m.mentoring_review_count({ count: 3, total: 4 }, en)).toBe('3 of 4 ideas get a mentor.');
		expect(m.mentoring_review_count({ count: 1, total: 4 }, nl)).toBe('1 van 4 ideeën krijgt een mentor.');
	});

	it('are never a plain text with a number before a plural noun', () => {
		// "{count} results", "{limit} working days", "{total} criteria": a count, then the English words that change with it.
		const pluralNoun =
			/\{(count|days|total|capacity|limit|taken|assigned|jurors|considering|skipped|minutes|overdue|refused)\} (?:[\w-]+ )?(?:\w+s|people|criteria)\b/;
		const folder = join(process.cwd(), 'messages');
		const files = [
			join(folder, 'en.json'),
			...readdirSync(folder, { withFileTypes: true })
				.filter((d) => d.isDirectory())
				.map((d) => join(folder, d.name, 'en.json'))
		];
		const plain: string[] = [];
		for (const file of files) {
			const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
			for (const [key, text] of Object.entries(messages)) {
				if (typeof text === 'string' && pluralNoun.test(text)) plain.push(`${key}: ${text}`);
			}
		}
		expect(plain).toEqual([]);
	});
});
