/**
 * The juror's taps on this device, kept until the server acknowledges them: in localStorage
 * (a reload, a crash or a lost connection keeps them), each with its own client id and a
 * device_seq that only grows (the time in microseconds, made strictly increasing), sent as
 * one JSON batch, dropped only when the answer names them, sent again on `online` or after a
 * back-off (1 s, doubling, at most 15 s).
 */
export type QueuedTap =
	| { kind: 'score'; clientId: string; seq: number; sessionId: number; ideaId: number; criterionId: number; value: number }
	| { kind: 'submit'; clientId: string; seq: number; sessionId: number; ideaId: number };

export type SendAnswer = {
	acked: string[];
	taps: { clientId: string; outcome: string; reason: string | null }[];
	submits: { clientId: string; submitted?: boolean; reason?: string | null }[];
};

export type QueueStatus = { waiting: number; offline: boolean; refused: string | null };

const MAX_BACKOFF_MS = 15_000;

export class TapQueue {
	private items: QueuedTap[] = [];
	private sending = false;
	private timer: ReturnType<typeof setTimeout> | null = null;
	private backoff = 1000;
	private lastSeq = 0;
	offline = false;
	refused: string | null = null;

	constructor(
		private readonly key: string,
		private readonly sessionId: number,
		private readonly onChange: (q: TapQueue) => void,
		private readonly post: (body: string) => Promise<Response> = (body) =>
			fetch(`/sessions/${sessionId}/taps`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
	) {
		this.items = this.read();
		this.lastSeq = Math.max(0, ...this.items.map((t) => t.seq));
	}

	private read(): QueuedTap[] {
		try {
			const raw: unknown = JSON.parse(localStorage.getItem(this.key) ?? '[]');
			if (!Array.isArray(raw)) return [];
			return raw.filter(
				(t: unknown): t is QueuedTap =>
					!!t && typeof t === 'object' && typeof (t as QueuedTap).clientId === 'string' && typeof (t as QueuedTap).seq === 'number'
			);
		} catch {
			return [];
		}
	}

	private write() {
		try {
			localStorage.setItem(this.key, JSON.stringify(this.items));
		} catch {
			// storage full or blocked: the taps are still in memory and sent from there
		}
	}

	private nextSeq(): number {
		this.lastSeq = Math.max(Date.now() * 1000, this.lastSeq + 1);
		return this.lastSeq;
	}

	/** Taps of this session still waiting. */
	get waiting(): QueuedTap[] {
		return this.items.filter((t) => t.sessionId === this.sessionId);
	}

	/** The latest value waiting per criterion of an idea (what the screen shows until the server has it). */
	pendingValues(ideaId: number): Record<number, number> {
		const out: Record<number, { seq: number; value: number }> = {};
		for (const t of this.waiting)
			if (t.kind === 'score' && t.ideaId === ideaId && (!out[t.criterionId] || out[t.criterionId].seq < t.seq))
				out[t.criterionId] = { seq: t.seq, value: t.value };
		return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.value]));
	}

	pendingSubmit(ideaId: number): boolean {
		return this.waiting.some((t) => t.kind === 'submit' && t.ideaId === ideaId);
	}

	tap(ideaId: number, criterionId: number, value: number) {
		this.items.push({
			kind: 'score',
			clientId: crypto.randomUUID(),
			seq: this.nextSeq(),
			sessionId: this.sessionId,
			ideaId,
			criterionId,
			value
		});
		this.changed();
		void this.flush();
	}

	submit(ideaId: number) {
		this.items.push({ kind: 'submit', clientId: crypto.randomUUID(), seq: this.nextSeq(), sessionId: this.sessionId, ideaId });
		this.changed();
		void this.flush();
	}

	private changed() {
		this.write();
		this.onChange(this);
	}

	/** Sends what waits; on failure keeps it and tries again later (or when the browser is back online). */
	async flush(): Promise<void> {
		if (this.sending) return;
		const batch = this.waiting.slice(0, 200);
		if (!batch.length) return;
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
		this.sending = true;
		let retry = false;
		try {
			const body = JSON.stringify({
				taps: batch
					.filter((t) => t.kind === 'score')
					.map((t) => ({ clientId: t.clientId, seq: t.seq, ideaId: t.ideaId, criterionId: t.criterionId, value: t.value })),
				submits: batch.filter((t) => t.kind === 'submit').map((t) => ({ clientId: t.clientId, seq: t.seq, ideaId: t.ideaId }))
			});
			const response = await this.post(body);
			if (response.ok) {
				const answer = (await response.json()) as SendAnswer;
				const acked = new Set(answer.acked);
				this.items = this.items.filter((t) => !acked.has(t.clientId));
				const refused = [...answer.taps, ...answer.submits].find((t) => t.reason);
				this.refused = refused?.reason ?? null;
				this.offline = false;
				this.backoff = 1000;
			} else if (response.status === 400 || response.status === 404 || response.status === 413 || response.status === 415) {
				// The server will never take these: drop them, say so.
				const dropped = new Set(batch.map((t) => t.clientId));
				this.items = this.items.filter((t) => !dropped.has(t.clientId));
				this.refused = 'invalid';
			} else {
				retry = true;
			}
		} catch {
			this.offline = true;
			retry = true;
		} finally {
			this.sending = false;
			this.changed();
		}
		if (retry) this.later();
		else if (this.waiting.length) void this.flush();
	}

	private later() {
		if (this.timer) return;
		this.timer = setTimeout(() => {
			this.timer = null;
			void this.flush();
		}, this.backoff);
		this.backoff = Math.min(MAX_BACKOFF_MS, this.backoff * 2);
	}

	/** Back online: send at once. */
	online() {
		this.backoff = 1000;
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
		void this.flush();
	}

	stop() {
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
	}
}
