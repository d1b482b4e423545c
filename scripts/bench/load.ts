/**
 * The load the benchmark puts on the server: plain node:http with keep-alive connections (no
 * client library, so the client's own CPU stays small on a 2-core machine), a fixed number of
 * connections for a fixed time, each response read whole. Every response's Server-Timing
 * header (STATEMENT_TIMING=1) gives its statements and their milliseconds.
 */
import http from 'node:http';

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string; ms: number };

export type RequestSpec = {
	path: string;
	method?: 'GET' | 'POST';
	cookie?: string;
	headers?: Record<string, string>;
	body?: string;
};

export function request(origin: string, spec: RequestSpec, agent?: http.Agent): Promise<Reply> {
	const url = new URL(spec.path, origin);
	const headers: Record<string, string> = { accept: 'text/html', ...spec.headers };
	if (spec.cookie) headers.cookie = spec.cookie;
	if (spec.body !== undefined) headers['content-length'] = String(Buffer.byteLength(spec.body));
	const t0 = performance.now();
	return new Promise((resolve, reject) => {
		const req = http.request(url, { method: spec.method ?? 'GET', headers, agent }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () =>
				resolve({
					status: res.statusCode ?? 0,
					headers: res.headers,
					body: Buffer.concat(chunks).toString('utf8'),
					ms: performance.now() - t0
				})
			);
			res.on('error', reject);
		});
		req.on('error', reject);
		if (spec.body !== undefined) req.write(spec.body);
		req.end();
	});
}

/** `db;desc="statements=3 control=2";dur=4.1` → { statements: 3, control: 2, ms: 4.1 }. */
export function serverTiming(headers: http.IncomingHttpHeaders): { statements: number; control: number; ms: number } | null {
	const raw = headers['server-timing'];
	const value = Array.isArray(raw) ? raw.join(', ') : raw;
	const m = value && /db;desc="statements=(\d+) control=(\d+)";dur=([\d.]+)/.exec(value);
	return m ? { statements: Number(m[1]), control: Number(m[2]), ms: Number(m[3]) } : null;
}

export type LoadResult = {
	requests: number;
	errors: number;
	statuses: Record<string, number>;
	seconds: number;
	latencies: number[];
	statements: number[];
	dbMs: number[];
	firstError?: string;
};

export const emptyResult = (): LoadResult => ({
	requests: 0,
	errors: 0,
	statuses: {},
	seconds: 0,
	latencies: [],
	statements: [],
	dbMs: []
});

export function merge(into: LoadResult, more: LoadResult): LoadResult {
	into.requests += more.requests;
	into.errors += more.errors;
	for (const [k, v] of Object.entries(more.statuses)) into.statuses[k] = (into.statuses[k] ?? 0) + v;
	into.seconds += more.seconds;
	into.latencies.push(...more.latencies);
	into.statements.push(...more.statements);
	into.dbMs.push(...more.dbMs);
	into.firstError ??= more.firstError;
	return into;
}

/**
 * `connections` loops, each sending the next request as soon as the last one is read, for
 * `seconds` (or until `count` requests). A request that is not the expected status counts as an error.
 */
export async function runLoad(
	origin: string,
	spec: RequestSpec | (() => RequestSpec),
	options: { connections: number; seconds?: number; count?: number; expect?: number }
): Promise<LoadResult> {
	const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
	const result = emptyResult();
	const t0 = performance.now();
	const until = t0 + (options.seconds ?? 3600) * 1000;
	const limit = options.count ?? Infinity;
	let started = 0;
	const loop = async () => {
		while (performance.now() < until && started < limit) {
			started++;
			try {
				const reply = await request(origin, typeof spec === 'function' ? spec() : spec, agent);
				result.requests++;
				result.statuses[reply.status] = (result.statuses[reply.status] ?? 0) + 1;
				result.latencies.push(reply.ms);
				const timing = serverTiming(reply.headers);
				if (timing) {
					result.statements.push(timing.statements);
					result.dbMs.push(timing.ms);
				}
				if (reply.status !== (options.expect ?? 200)) {
					result.errors++;
					result.firstError ??= `${reply.status}: ${reply.body.slice(0, 200)}`;
				}
			} catch (error) {
				result.requests++;
				result.errors++;
				result.firstError ??= String((error as Error).message ?? error);
			}
		}
	};
	await Promise.all(Array.from({ length: options.connections }, loop));
	result.seconds = (performance.now() - t0) / 1000;
	agent.destroy();
	return result;
}

export function pct(xs: number[], p: number): number {
	if (!xs.length) return NaN;
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** The most frequent value (statements per request are the same for every request of a page). */
export function mode(xs: number[]): number {
	if (!xs.length) return NaN;
	const counts = new Map<number, number>();
	for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
	return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
}
