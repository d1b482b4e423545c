import { describe, expect, it } from 'vitest';
import { organizerOf, pitchInvite } from './invite';

const slot = {
	title: 'Pick-to-light, small parts',
	round: 'Semi-final',
	competition: 'Improvement Cup 2026',
	uid: 'pitch-slot-7@ideacup',
	sequence: 2,
	startsAt: '2026-03-03T12:15:00.000Z',
	endsAt: '2026-03-03T12:45:00.000Z',
	location: 'Warehouse 2',
	pitchMinutes: 10,
	questionsMinutes: 10
};
const unfold = (s: string) => s.replace(/\r\n /g, '');

describe('pitchInvite', () => {
	it('makes invite.ics for a planned or changed slot from the params alone, in the reader’s language', () => {
		const invite = pitchInvite('pitch_slot_changed', slot, 'nl', 'https://ideacup.example/', '/ideas/53')!;
		expect(invite.filename).toBe('invite.ics');
		expect(invite.contentType).toBe('text/calendar; charset=utf-8; method=REQUEST');
		const ics = unfold(invite.content);
		expect(ics).toContain('UID:pitch-slot-7@ideacup');
		expect(ics).toContain('SEQUENCE:2');
		expect(ics).toContain('DTSTART:20260303T121500Z');
		expect(ics).toContain('DTEND:20260303T124500Z');
		expect(ics).toContain('SUMMARY:Pitch: Pick-to-light\\, small parts');
		expect(ics).toContain('DESCRIPTION:Semi-final\\, Improvement Cup 2026. Pitch van 10 min\\, daarna 10 min vragen van de jury.');
		expect(ics).toContain('URL:https://ideacup.example/ideas/53');
	});

	it('cancels a slot: METHOD:CANCEL', () => {
		const invite = pitchInvite('pitch_slot_cancelled', slot, 'en', 'https://ideacup.example', '/ideas/53')!;
		expect(invite.contentType).toContain('method=CANCEL');
		expect(invite.content).toContain('STATUS:CANCELLED');
	});

	it('gives the jurors one event for the session, its items listed', () => {
		const invite = pitchInvite(
			'pitch_session_planned',
			{
				jury: 'Logistics MT',
				round: 'Semi-final',
				uid: 'pitch-session-3@ideacup',
				sequence: 1,
				startsAt: '2026-03-03T12:00:00.000Z',
				endsAt: '2026-03-03T13:00:00.000Z',
				location: 'Dock',
				slots: [
					{ kind: 'break', title: '', startsAt: '2026-03-03T12:00:00.000Z' },
					{ kind: 'pitch', title: 'Idea A', startsAt: '2026-03-03T12:15:00.000Z' }
				]
			},
			'en',
			'https://ideacup.example',
			'/sessions/3'
		)!;
		const ics = unfold(invite.content);
		expect(ics).toContain('UID:pitch-session-3@ideacup');
		expect(ics).toContain('SUMMARY:Pitch session Logistics MT (Semi-final)');
		expect(ics).toMatch(/DESCRIPTION:.*Break\\n.*Idea A/);
	});

	it('is null for other kinds, and for params it cannot read', () => {
		expect(pitchInvite('presentation_slot', slot, 'en', 'https://x', null)).toBeNull();
		expect(pitchInvite('pitch_slot_planned', { ...slot, startsAt: 'soon' }, 'en', 'https://x', null)).toBeNull();
		expect(pitchInvite('pitch_slot_planned', null, 'en', 'https://x', null)).toBeNull();
	});
});

describe('organizerOf and the ORGANIZER line', () => {
	it('reads MAIL_FROM with a name, a quoted name or a bare address; nothing without an address', () => {
		expect(organizerOf('IdeaCup <ideacup@example.com>')).toEqual({ name: 'IdeaCup', email: 'ideacup@example.com' });
		expect(organizerOf('"Improvement Cup, HR" <cup@example.com>')).toEqual({ name: 'Improvement Cup, HR', email: 'cup@example.com' });
		expect(organizerOf('cup@example.com')).toEqual({ name: 'IdeaCup', email: 'cup@example.com' });
		expect(organizerOf('IdeaCup')).toBeUndefined();
		expect(organizerOf(undefined)).toBeUndefined();
	});

	it('a REQUEST and a CANCEL name the sender as organizer (RFC 5546)', () => {
		for (const kind of ['pitch_slot_planned', 'pitch_slot_cancelled']) {
			const ics = unfold(pitchInvite(kind, slot, 'en', 'https://x', '/ideas/53', 'IdeaCup <ideacup@example.com>')!.content);
			expect(ics).toMatch(/ORGANIZER;CN="?IdeaCup"?:mailto:ideacup@example.com/i);
		}
	});
});
