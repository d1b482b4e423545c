/**
 * "Session N changed", from the write that changed it to every instance's screens.
 *
 * On PostgreSQL each write runs `pg_notify('ideacup_live', '<sessionId>')` inside its own
 * transaction (delivered on commit, to every instance), and each instance keeps one
 * dedicated connection that LISTENs (`startLiveListener`, reconnecting with a back-off; after
 * a reconnect every watched session is announced, since a notification may have been missed
 * while it was down). On the embedded database (one process, no second connection) the
 * service announces the change itself after the commit (`announceCommitted`).
 */
import pg from 'pg';
import { LIVE_CHANNEL } from './live.queries.js';

type Listener = (sessionId: number) => void;

const listeners = new Set<Listener>();
let listener: LiveListener | null = null;

/** Calls `fn` with the session's id whenever one changes; returns the unsubscribe. */
export function onLiveChange(fn: Listener): () => void {
	listeners.add(fn);
	return () => listeners.delete(fn);
}

function publish(sessionId: number) {
	for (const fn of listeners) {
		try {
			fn(sessionId);
		} catch (error) {
			console.error('[live] listener:', (error as Error).message);
		}
	}
}

/**
 * After a committed change: with a LISTEN connection the notification comes back through it
 * (to this instance and the others); without one (PGlite, tests) the change is published here.
 */
export function announceCommitted(sessionId: number) {
	if (!listener) publish(sessionId);
}

export type LiveListener = { stop: () => Promise<void>; connected: () => boolean };

/**
 * One LISTEN connection on `url` that calls `onSession` for each notification on the live
 * channel, and `onReconnect` after it had to connect again. Never throws: a failed connect
 * is retried (0.5 s, doubling, at most 10 s) until `stop`.
 */
export function listenForLiveChanges(
	url: string,
	onSession: (sessionId: number) => void,
	onReconnect: () => void = () => {}
): LiveListener {
	let client: pg.Client | null = null;
	let stopped = false;
	let delay = 500;
	let timer: NodeJS.Timeout | null = null;
	let up = false;
	let attempts = 0;
	let ready: () => void = () => {};
	const first = new Promise<void>((resolve) => (ready = resolve));

	const connect = async () => {
		if (stopped) return;
		const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000, keepAlive: true });
		client = c;
		const retry = () => {
			if (client !== c) return;
			client = null;
			up = false;
			c.removeAllListeners();
			c.on('error', () => {});
			c.end().catch(() => {});
			if (stopped) return;
			timer = setTimeout(() => void connect(), delay);
			delay = Math.min(10_000, delay * 2);
		};
		c.on('error', (error) => {
			console.error(`[live] listener connection: ${error.message}`);
			retry();
		});
		c.on('end', retry);
		c.on('notification', (n) => {
			if (n.channel !== LIVE_CHANNEL) return;
			const id = Number(n.payload);
			if (Number.isSafeInteger(id) && id > 0) onSession(id);
		});
		try {
			await c.connect();
			await c.query(`LISTEN ${LIVE_CHANNEL}`);
			up = true;
			delay = 500;
			if (attempts++ > 0) onReconnect();
			ready();
		} catch (error) {
			console.error(`[live] listener cannot connect: ${(error as Error).message}`);
			ready();
			retry();
		}
	};
	void connect();
	return {
		connected: () => up,
		stop: async () => {
			stopped = true;
			if (timer) clearTimeout(timer);
			await first;
			const c = client;
			client = null;
			up = false;
			if (c) {
				c.removeAllListeners();
				c.on('error', () => {});
				await c.end().catch(() => {});
			}
		}
	};
}

/** The instance's listener (PostgreSQL): started with the runtime, stopped with it. */
export async function startLiveListener(url: string, watched: () => Iterable<number> = () => []): Promise<void> {
	if (listener) return;
	listener = listenForLiveChanges(url, publish, () => {
		for (const id of watched()) publish(id);
	});
	// Give the first connection a moment, so a change right after start is not missed.
	for (let i = 0; i < 50 && !listener.connected(); i++) await new Promise((r) => setTimeout(r, 20));
}

export async function stopLiveListener(): Promise<void> {
	const l = listener;
	listener = null;
	await l?.stop();
}
