/**
 * The calendar invitation a pitch notification's e-mail carries (`invite.ics`), made from the
 * notification's params alone (the mail is rendered later, by delivery, in the recipient's
 * language): a team's slot (planned, changed: METHOD:REQUEST; cancelled: METHOD:CANCEL), or
 * the jurors' session, one event from its first pitch to its end listing every item.
 */
import { formatDateTime } from '../../format.js';
import { m } from '../../paraglide/messages.js';
import { renderIcs, type IcsEvent } from './ics.js';

export type MailAttachment = { filename: string; content: string; contentType: string };

export const PITCH_SLOT_KINDS = ['pitch_slot_planned', 'pitch_slot_changed', 'pitch_slot_cancelled'] as const;
export const PITCH_SESSION_KINDS = ['pitch_session_planned', 'pitch_session_changed'] as const;

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const whole = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0);
const date = (v: unknown) => {
	const d = new Date(text(v));
	return Number.isNaN(d.getTime()) ? null : d;
};

/**
 * The organizer a REQUEST or CANCEL must name (RFC 5546): the portal's sender, MAIL_FROM
 * ("IdeaCup <ideacup@example.com>" or a bare address). Undefined when it holds no address.
 */
export function organizerOf(from: string | undefined): { name: string; email: string } | undefined {
	if (!from) return undefined;
	const match = /^\s*(?:"?([^"<]*?)"?\s*)?<\s*([^<>\s]+@[^<>\s]+)\s*>\s*$/.exec(from) ?? /^\s*()([^<>\s]+@[^<>\s]+)\s*$/.exec(from);
	if (!match) return undefined;
	return { name: match[1]?.trim() || 'IdeaCup', email: match[2] };
}

/** The invitation for a pitch notification, or null for any other kind (or params it cannot read). */
export function pitchInvite(
	kind: string,
	params: unknown,
	locale: 'en' | 'nl',
	origin: string,
	link: string | null,
	from?: string
): MailAttachment | null {
	const p = (params ?? {}) as Record<string, unknown>;
	const o = { locale };
	const startsAt = date(p.startsAt);
	const endsAt = date(p.endsAt);
	if (!startsAt || !endsAt || !text(p.uid)) return null;
	const url = link && link.startsWith('/') ? origin.replace(/\/+$/, '') + link : '';
	let event: IcsEvent;
	if ((PITCH_SLOT_KINDS as readonly string[]).includes(kind)) {
		event = {
			uid: text(p.uid),
			sequence: whole(p.sequence),
			startsAt,
			endsAt,
			summary: m.pitch_plan_ics_slot_summary({ title: text(p.title) }, o),
			description: m.pitch_plan_ics_slot_description(
				{ round: text(p.round), competition: text(p.competition), pitch: whole(p.pitchMinutes), questions: whole(p.questionsMinutes) },
				o
			),
			location: text(p.location),
			url,
			cancelled: kind === 'pitch_slot_cancelled'
		};
	} else if ((PITCH_SESSION_KINDS as readonly string[]).includes(kind)) {
		const slots = Array.isArray(p.slots) ? (p.slots as Record<string, unknown>[]) : [];
		const lines = slots.map((s) => {
			const when = `${formatDateTime(text(s.startsAt), locale)}`;
			return s.kind === 'break' ? `${when}: ${m.pitch_plan_break({}, o)}` : `${when}: ${text(s.title)}`;
		});
		event = {
			uid: text(p.uid),
			sequence: whole(p.sequence),
			startsAt,
			endsAt,
			summary: m.pitch_plan_ics_session_summary({ jury: text(p.jury), round: text(p.round) }, o),
			description: lines.join('\n'),
			location: text(p.location),
			url
		};
	} else return null;
	const method = kind === 'pitch_slot_cancelled' ? 'CANCEL' : 'REQUEST';
	return {
		filename: 'invite.ics',
		content: renderIcs([event], method, organizerOf(from)),
		contentType: `text/calendar; charset=utf-8; method=${method}`
	};
}
