/**
 * Highlighted snippets without HTML: ts_headline marks matches with two private-use
 * characters, and this splits its output into plain segments the page renders as text, with
 * <mark> around the matched ones. User text is never interpreted as HTML; a marker character
 * typed by a user can at most highlight some text.
 */
export const MARK_START = '\uE000';
export const MARK_STOP = '\uE001';

export type Segment = { text: string; mark: boolean };

export function toSegments(headline: string | null | undefined): Segment[] {
	if (!headline) return [];
	const segments: Segment[] = [];
	let mark = false;
	let current = '';
	for (const ch of headline) {
		if (ch === MARK_START || ch === MARK_STOP) {
			if (current) segments.push({ text: current, mark });
			current = '';
			mark = ch === MARK_START;
			continue;
		}
		current += ch;
	}
	if (current) segments.push({ text: current, mark });
	// Adjacent segments of the same kind read better as one.
	return segments.reduce<Segment[]>((out, s) => {
		const last = out.at(-1);
		if (last && last.mark === s.mark) last.text += s.text;
		else out.push({ ...s });
		return out;
	}, []);
}

export function countMarks(headline: string | null | undefined): number {
	if (!headline) return 0;
	let n = 0;
	for (const ch of headline) if (ch === MARK_START) n++;
	return n;
}
