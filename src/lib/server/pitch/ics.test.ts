import { describe, expect, it } from 'vitest';
import { foldLine, renderIcs, sessionUid, slotUid, type IcsEvent } from './ics';

const event: IcsEvent = {
	uid: slotUid(42),
	sequence: 3,
	startsAt: new Date('2026-03-03T09:00:00Z'),
	endsAt: new Date('2026-03-03T09:30:00Z'),
	summary: 'Pitch: Faster wafer; handling, now',
	description: 'First line\nSecond line with a \\ backslash',
	location: 'Room 5, Veldhoven',
	url: 'https://ideacup.example/ideas/7'
};

function unfold(text: string): string {
	return text.replace(/\r\n[ \t]/g, '');
}

describe('slotUid and sessionUid', () => {
	it('are stable per id', () => {
		expect(slotUid(42)).toBe('pitch-slot-42@ideacup');
		expect(sessionUid(5)).toBe('pitch-session-5@ideacup');
	});
});

describe('renderIcs', () => {
	it('writes one VCALENDAR with the method and each event with its UID, SEQUENCE and UTC times', () => {
		const text = renderIcs([event, { ...event, uid: slotUid(43), sequence: 0 }], 'REQUEST', {
			name: 'IdeaCup',
			email: 'noreply@ideacup.example'
		});
		const lines = unfold(text).split('\r\n');
		expect(lines[0]).toBe('BEGIN:VCALENDAR');
		expect(lines).toContain('VERSION:2.0');
		expect(lines).toContain('METHOD:REQUEST');
		expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(2);
		expect(lines).toContain('UID:pitch-slot-42@ideacup');
		expect(lines).toContain('UID:pitch-slot-43@ideacup');
		expect(lines).toContain('SEQUENCE:3');
		expect(lines).toContain('SEQUENCE:0');
		expect(lines).toContain('DTSTART:20260303T090000Z');
		expect(lines).toContain('DTEND:20260303T093000Z');
		expect(lines).toContain('STATUS:CONFIRMED');
		expect(lines.some((line) => line.startsWith('ORGANIZER') && line.endsWith('MAILTO:noreply@ideacup.example'))).toBe(true);
		expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
	});

	it('uses CRLF and nothing else as line ends', () => {
		const text = renderIcs([event], 'PUBLISH');
		expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
	});

	it('escapes commas, semicolons, backslashes and new lines in text (RFC 5545 3.3.11)', () => {
		const lines = unfold(renderIcs([event], 'REQUEST')).split('\r\n');
		expect(lines).toContain('SUMMARY:Pitch: Faster wafer\\; handling\\, now');
		expect(lines).toContain('DESCRIPTION:First line\\nSecond line with a \\\\ backslash');
		expect(lines).toContain('LOCATION:Room 5\\, Veldhoven');
		expect(lines).toContain('URL:https://ideacup.example/ideas/7');
	});

	it('cancels: METHOD:CANCEL and STATUS:CANCELLED, same UID, the raised SEQUENCE', () => {
		const lines = unfold(renderIcs([{ ...event, sequence: 4, cancelled: true }], 'CANCEL')).split('\r\n');
		expect(lines).toContain('METHOD:CANCEL');
		expect(lines).toContain('STATUS:CANCELLED');
		expect(lines).toContain('UID:pitch-slot-42@ideacup');
		expect(lines).toContain('SEQUENCE:4');
	});

	it('leaves out empty optional properties', () => {
		const text = renderIcs([{ ...event, description: '', location: '', url: '' }], 'REQUEST');
		expect(text).not.toMatch(/^(DESCRIPTION|LOCATION|URL):/m);
	});

	it('folds every line at 75 octets, also with multi-byte characters, and unfolds to the original', () => {
		const summary = 'Pitch: ' + 'Één idee voor Büro Ørsted — '.repeat(6);
		const text = renderIcs([{ ...event, summary }], 'REQUEST');
		for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
		expect(unfold(text).split('\r\n')).toContain(`SUMMARY:${summary}`);
	});

	it('refuses an empty calendar', () => {
		expect(() => renderIcs([], 'REQUEST')).toThrow();
	});
});

describe('foldLine', () => {
	it('keeps a line of exactly 75 octets whole', () => {
		const line = 'X'.repeat(75);
		expect(foldLine(line)).toBe(line);
	});
	it('breaks a 76-octet line after 75 octets, continuation starting with a space', () => {
		expect(foldLine('X'.repeat(76))).toBe('X'.repeat(75) + '\r\n X');
	});
	it('continuation lines carry 74 octets plus the space (75 in all)', () => {
		const folded = foldLine('A'.repeat(75 + 74 + 3));
		expect(folded.split('\r\n')).toEqual(['A'.repeat(75), ' ' + 'A'.repeat(74), ' AAA']);
	});
	it('never splits a multi-byte character', () => {
		// 74 ASCII octets then "é" (2 octets): 76 > 75, so é goes to the next line whole.
		expect(foldLine('a'.repeat(74) + 'é')).toBe('a'.repeat(74) + '\r\n é');
		// a 4-octet emoji
		expect(foldLine('a'.repeat(72) + '😀b')).toBe('a'.repeat(72) + '\r\n 😀b');
	});
});
