import { describe, expect, it } from 'vitest';
import { parseGlossaryCsv } from './glossary.service.js';
import { glossaryTermSchema } from './glossary.schema.js';

describe('a glossary term pair', () => {
	it('is trimmed with its inner spaces made single, and needs a letter or digit on each side', () => {
		expect(glossaryTermSchema.parse({ termEn: '  torque   wrench ', termNl: 'momentsleutel' })).toEqual({
			termEn: 'torque wrench',
			termNl: 'momentsleutel',
			note: ''
		});
		const refused = glossaryTermSchema.safeParse({ termEn: '--', termNl: '', note: 'x'.repeat(301) });
		expect(refused.success).toBe(false);
		const fields = refused.error!.issues.map((i) => `${String(i.path[0])}:${i.message}`).sort();
		expect(fields).toEqual(['note:too_long', 'termEn:glossary_term_letters', 'termNl:required']);
	});
});

describe('a glossary CSV', () => {
	it('reads comma or semicolon files with a byte order mark, header names in any case, the note optional', () => {
		expect(parseGlossaryCsv('\uFEFFEN,NL,Note\ntorque wrench,momentsleutel,click type\nsafety,veiligheid\n')).toEqual([
			{ termEn: 'torque wrench', termNl: 'momentsleutel', note: 'click type' },
			{ termEn: 'safety', termNl: 'veiligheid', note: '' }
		]);
		expect(parseGlossaryCsv('en;nl\n"work instruction";werkinstructie\n')).toEqual([
			{ termEn: 'work instruction', termNl: 'werkinstructie', note: '' }
		]);
	});

	it('reads back a cell the export protected against formulas', () => {
		expect(parseGlossaryCsv("en,nl\n'=A1,'-min\n")).toEqual([{ termEn: '=A1', termNl: '-min', note: '' }]);
	});

	it('names the bad lines (counting the header as line 1), at most five, and refuses a file without en and nl', () => {
		const lines = ['en,nl', 'a,b', ',leeg', 'c,d', ...Array.from({ length: 6 }, () => 'x,')].join('\n');
		expect(() => parseGlossaryCsv(lines)).toThrow(
			expect.objectContaining({
				fields: {
					file: [
						'glossary_import_line:3',
						'glossary_import_line:5',
						'glossary_import_line:6',
						'glossary_import_line:7',
						'glossary_import_line:8'
					]
				}
			})
		);
		expect(() => parseGlossaryCsv('english,dutch\na,b\n')).toThrow(
			expect.objectContaining({ fields: { file: ['glossary_import_columns'] } })
		);
		expect(() => parseGlossaryCsv('en,nl\n')).toThrow(expect.objectContaining({ fields: { file: ['glossary_import_empty'] } }));
		expect(() => parseGlossaryCsv('en,nl\n"unclosed,b\n')).toThrow(
			expect.objectContaining({ fields: { file: ['glossary_import_unreadable'] } })
		);
	});
});
