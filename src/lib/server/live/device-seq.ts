/**
 * Sequence numbers for taps made on the server (the plain form without JavaScript): the
 * time in microseconds, made strictly increasing in this process. The browser numbers its
 * own taps the same way, so a juror's latest tap wins whichever way it came.
 */
let last = 0;

export function nextDeviceSeq(now = Date.now()): number {
	last = Math.max(now * 1000, last + 1);
	return last;
}
