/**
 * A request that queued e-mail says so here; the job runner (src/lib/server/jobs) listens and
 * asks for a delivery run shortly after, once the request's transaction has committed. Without
 * a listener (tests, scripts) nothing happens: the outbox keeps the mail and the next
 * scheduled delivery run sends it.
 */
type Listener = () => void;

let listener: Listener | null = null;

export function onMailQueued(fn: Listener | null): void {
	listener = fn;
}

export function mailQueued(): void {
	listener?.();
}
