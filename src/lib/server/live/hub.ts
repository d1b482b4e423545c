/**
 * The instance's live screens, by session, fed by server-sent events.
 *
 * Per change of a session (the bus: LISTEN/NOTIFY on PostgreSQL, in-process on PGlite),
 * bursts are coalesced (COALESCE_MS, or as long as the last load took when the database is
 * busy), the session's state is loaded ONCE (one statement)
 * and each connected screen's view is derived from it in memory (viewFor); a screen is
 * sent its view only when it changed. A screen gets its full view on connect, so one that
 * reconnects catches up; a comment every HEARTBEAT_MS keeps proxies from closing the stream.
 */
import type { Database } from '../db/index.js';
import { outsideStatementCount } from '../db/statement-count.js';
import { viewFor, type LiveState, type LiveView, type Viewer } from '../../domain/live-session.js';
import { loadLiveState } from './live.service.js';
import { onLiveChange } from './bus.js';

export const COALESCE_MS = 40;
/** A slow load (a busy embedded database) stretches the pause up to this, so loads never crowd out the writes. */
export const MAX_COALESCE_MS = 250;
export const HEARTBEAT_MS = 15_000;
export const RETRY_MS = 2_000;

type Screen = { viewer: Viewer; last: string; send: (chunk: string) => void };

/** The event a screen receives: its view, with the server's clock for the timer. */
export type LiveEvent = { view: LiveView; serverTime: number };

export function eventChunk(view: LiveView): string {
	return `event: view\ndata: ${JSON.stringify({ view, serverTime: Date.now() } satisfies LiveEvent)}\n\n`;
}

export class LiveHub {
	private screens = new Map<number, Set<Screen>>();
	private pending = new Map<number, NodeJS.Timeout>();
	private loading = new Map<number, boolean>();
	private again = new Set<number>();
	/** The pause before the next load: COALESCE_MS, or as long as the last load took (at most MAX_COALESCE_MS). */
	private pause = COALESCE_MS;
	private unsubscribe: (() => void) | null = null;
	/** Statements run to feed screens (one per coalesced change per session), for tests and the benchmark. */
	loads = 0;

	constructor(private readonly db: () => Database) {}

	/** The sessions with a screen on this instance (announced again after the listener reconnects). */
	watched(): number[] {
		return [...this.screens.keys()];
	}

	/**
	 * A text/event-stream for one screen, starting with its view of `state` (already loaded
	 * by the request, which checked who it is), then its view after every change.
	 */
	stream(state: LiveState, viewer: Viewer, signal: AbortSignal): ReadableStream<Uint8Array> {
		const encoder = new TextEncoder();
		const sessionId = state.session.id;
		let screen: Screen | null = null;
		let heartbeat: NodeJS.Timeout | null = null;
		const close = () => {
			if (heartbeat) clearInterval(heartbeat);
			heartbeat = null;
			if (screen) this.remove(sessionId, screen);
			screen = null;
		};
		return new ReadableStream<Uint8Array>({
			start: (controller) => {
				const send = (chunk: string) => {
					try {
						controller.enqueue(encoder.encode(chunk));
					} catch {
						close();
					}
				};
				const view = viewFor(state, viewer);
				const first = view ? JSON.stringify(view) : '';
				screen = { viewer, last: first, send };
				send(`retry: ${RETRY_MS}\n\n`);
				if (view) send(eventChunk(view));
				this.add(sessionId, screen);
				heartbeat = setInterval(() => send(`: heartbeat ${Date.now()}\n\n`), HEARTBEAT_MS);
				if (signal.aborted) close();
				signal.addEventListener('abort', () => {
					close();
					try {
						controller.close();
					} catch {
						// already closed
					}
				});
			},
			cancel: close
		});
	}

	private add(sessionId: number, screen: Screen) {
		if (!this.unsubscribe) this.unsubscribe = onLiveChange((id) => this.changed(id));
		let set = this.screens.get(sessionId);
		if (!set) this.screens.set(sessionId, (set = new Set()));
		set.add(screen);
	}

	private remove(sessionId: number, screen: Screen) {
		const set = this.screens.get(sessionId);
		if (!set) return;
		set.delete(screen);
		if (!set.size) this.screens.delete(sessionId);
	}

	/** A session changed: load it once after a short pause (a burst of taps is one load). */
	changed(sessionId: number) {
		if (!this.screens.has(sessionId) || this.pending.has(sessionId)) return;
		if (this.loading.get(sessionId)) {
			this.again.add(sessionId);
			return;
		}
		this.pending.set(
			sessionId,
			setTimeout(() => {
				this.pending.delete(sessionId);
				void outsideStatementCount(() => this.push(sessionId));
			}, this.pause)
		);
	}

	private async push(sessionId: number) {
		this.loading.set(sessionId, true);
		try {
			this.loads++;
			const started = performance.now();
			const state = await loadLiveState(this.db(), sessionId);
			this.pause = Math.min(MAX_COALESCE_MS, Math.max(COALESCE_MS, performance.now() - started));
			const set = this.screens.get(sessionId);
			if (!set) return;
			for (const screen of set) {
				const view = state ? viewFor(state, screen.viewer) : null;
				if (!view) continue;
				const json = JSON.stringify(view);
				if (json === screen.last) continue;
				screen.last = json;
				screen.send(eventChunk(view));
			}
		} catch (error) {
			console.error(`[live] session ${sessionId}: ${(error as Error).message}`);
		} finally {
			this.loading.delete(sessionId);
			if (this.again.delete(sessionId)) this.changed(sessionId);
		}
	}

	stop() {
		this.unsubscribe?.();
		this.unsubscribe = null;
		for (const t of this.pending.values()) clearTimeout(t);
		this.pending.clear();
	}
}

let hub: LiveHub | null = null;

/** The instance's hub on the runtime's database. */
export function liveHub(db: () => Database): LiveHub {
	if (!hub) hub = new LiveHub(db);
	return hub;
}

export function stopLiveHub() {
	hub?.stop();
	hub = null;
}

export function watchedSessions(): number[] {
	return hub?.watched() ?? [];
}
