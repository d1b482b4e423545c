import { createEvents, type EventAttributes } from 'ics';

/**
 * Calendar invitations (RFC 5545 / iTIP RFC 5546) for pitch slots. The `ics` package writes
 * the properties and escapes the text; this module sets the calendar's METHOD, gives every
 * event its UID and SEQUENCE, and folds the lines at 75 octets (the package folds at 75
 * characters, which is more than 75 octets once a name has an é or an ë).
 */
export type IcsEvent = {
	uid: string;
	sequence: number;
	startsAt: Date;
	endsAt: Date;
	summary: string;
	description: string;
	location: string;
	url: string;
	cancelled?: boolean;
};

export type IcsMethod = 'REQUEST' | 'CANCEL' | 'PUBLISH';

const PRODUCT_ID = '-//IdeaCup//Pitch day//EN';

/** The UID of a slot's invitation: the same for every version, so calendars update it. */
export function slotUid(slotId: number): string {
	return `pitch-slot-${slotId}@ideacup`;
}

/** The UID of a session's invitation for its jurors. */
export function sessionUid(sessionId: number): string {
	return `pitch-session-${sessionId}@ideacup`;
}

function toAttributes(event: IcsEvent, method: IcsMethod, organizer?: { name: string; email: string }): EventAttributes {
	const cancelled = method === 'CANCEL' || event.cancelled === true;
	const attributes: EventAttributes = {
		uid: event.uid,
		sequence: event.sequence,
		start: event.startsAt.getTime(),
		startInputType: 'utc',
		startOutputType: 'utc',
		end: event.endsAt.getTime(),
		endInputType: 'utc',
		endOutputType: 'utc',
		title: event.summary,
		status: cancelled ? 'CANCELLED' : 'CONFIRMED',
		productId: PRODUCT_ID
	};
	if (event.description) attributes.description = event.description;
	if (event.location) attributes.location = event.location;
	if (event.url) attributes.url = event.url;
	if (organizer) attributes.organizer = { name: organizer.name, email: organizer.email };
	return attributes;
}

/** Splits one unfolded content line into lines of at most 75 octets, never inside a character. */
export function foldLine(line: string): string {
	const encoder = new TextEncoder();
	const parts: string[] = [];
	let current = '';
	let octets = 0;
	let limit = 75;
	for (const char of line) {
		const size = encoder.encode(char).length;
		if (octets + size > limit) {
			parts.push(current);
			current = '';
			octets = 0;
			limit = 74; // a continuation line starts with one space
		}
		current += char;
		octets += size;
	}
	parts.push(current);
	return parts.join('\r\n ');
}

/** A complete VCALENDAR: CRLF line ends, lines folded at 75 octets. */
export function renderIcs(events: readonly IcsEvent[], method: IcsMethod, organizer?: { name: string; email: string }): string {
	if (events.length === 0) throw new Error('renderIcs: no events');
	const { error, value } = createEvents(
		events.map((event) => toAttributes(event, method, organizer)),
		{ method, productId: PRODUCT_ID }
	);
	if (error || !value) throw error ?? new Error('renderIcs: no calendar');
	const lines = value
		.replace(/\r\n[ \t]/g, '')
		.split('\r\n')
		.filter((line) => line.length > 0 && !line.startsWith('X-PUBLISHED-TTL'));
	return lines.map(foldLine).join('\r\n') + '\r\n';
}
