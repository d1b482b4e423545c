import { describe, expect, it } from 'vitest';
import { parseForm } from '../http/parse.js';
import { quickIdeaQuerySchema, quickIdeaSchema, quickIdeaTitle } from './quick-idea.schema.js';

describe('the title of a one-minute idea', () => {
	it('is the idea itself when short', () => {
		expect(quickIdeaTitle('Shadow board at line 3', 'Tools go missing')).toBe('Shadow board at line 3');
	});

	it('comes from the problem when the idea is left empty or says nothing', () => {
		expect(quickIdeaTitle('', 'Tools go missing at line 3')).toBe('Tools go missing at line 3');
		expect(quickIdeaTitle('  ', 'Tools go missing')).toBe('Tools go missing');
		expect(quickIdeaTitle('ok', 'Tools go missing')).toBe('Tools go missing');
	});

	it('collapses spaces and line breaks', () => {
		expect(quickIdeaTitle('  Put a\n\nshadow   board\tthere ', '')).toBe('Put a shadow board there');
	});

	it('cuts a long text on a word boundary at most 80 characters with an ellipsis', () => {
		const text = 'Put a shadow board at line 3 so the torque wrench is always back in its place before the next shift starts';
		const title = quickIdeaTitle(text, '');
		// hand-counted: the 79 characters up to "place" leave room for the ellipsis
		expect(title).toBe('Put a shadow board at line 3 so the torque wrench is always back in its place…');
		expect(title.length).toBeLessThanOrEqual(80);
	});

	it('keeps exactly 80 characters without an ellipsis', () => {
		const eighty = 'a'.repeat(39) + ' ' + 'b'.repeat(40);
		expect(eighty).toHaveLength(80);
		expect(quickIdeaTitle(eighty, '')).toBe(eighty);
	});

	it('drops a trailing comma at the cut', () => {
		const text = 'x'.repeat(70) + ', ' + 'y'.repeat(20);
		expect(quickIdeaTitle(text, '')).toBe('x'.repeat(70) + '…');
	});

	it('cuts a single endless word inside it', () => {
		const title = quickIdeaTitle('y'.repeat(120), '');
		expect(title).toBe('y'.repeat(79) + '…');
		expect(title).toHaveLength(80);
	});
});

const form = (fields: Record<string, string>) => new URLSearchParams(fields);

describe('the one-minute form', () => {
	it('needs the problem or the idea, and says so beside both', () => {
		const parsed = parseForm(quickIdeaSchema, form({ problem: ' ', proposal: '', place: 'Line 3' }));
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) {
			expect(parsed.errors.problem).toEqual(['quick_say_something']);
			expect(parsed.errors.proposal).toEqual(['quick_say_something']);
			expect(parsed.values.place).toBe('Line 3');
		}
	});

	it('takes the problem alone, with its title', () => {
		const parsed = parseForm(quickIdeaSchema, form({ problem: 'Tools go missing', proposal: '', place: '' }));
		expect(parsed.ok && parsed.data).toMatchObject({ title: 'Tools go missing', departmentId: null, clientKey: null, place: '' });
	});

	it('refuses a place over 200 characters', () => {
		const parsed = parseForm(quickIdeaSchema, form({ problem: 'Tools go missing', place: 'p'.repeat(201) }));
		expect(!parsed.ok && parsed.errors.place).toEqual(['too_long']);
	});

	it('ignores a department that is not an id', () => {
		const parsed = parseForm(quickIdeaSchema, form({ proposal: 'Shadow board', department: 'abc' }));
		expect(parsed.ok && parsed.data.departmentId).toBeNull();
		const good = parseForm(quickIdeaSchema, form({ proposal: 'Shadow board', department: '7' }));
		expect(good.ok && good.data.departmentId).toBe(7);
	});

	it('reads the poster query, leaving out what it cannot read', () => {
		expect(quickIdeaQuerySchema.parse({ department: '4', place: '  Line   3 ' })).toEqual({ department: 4, place: 'Line 3' });
		expect(quickIdeaQuerySchema.parse({ department: '-1', place: 'x'.repeat(300) })).toEqual({
			department: undefined,
			place: 'x'.repeat(200)
		});
		expect(quickIdeaQuerySchema.parse({})).toEqual({ department: undefined, place: '' });
	});
});
