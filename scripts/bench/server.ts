/**
 * The built server the benchmark measures: built once (`vite build`), started per engine as
 * `node build` with its own port, and read from /proc while it runs (CPU ticks, RSS).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Builds the app in `appDir` (its build/ and .svelte-kit/). */
export function buildApp(appDir: string, log: (line: string) => void): number {
	const t0 = performance.now();
	log(`building in ${appDir} (vite build) ...`);
	const r = spawnSync('npx', ['vite', 'build'], { cwd: appDir, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
	if (r.status !== 0) throw new Error(`vite build failed (${r.status}):\n${r.stderr?.slice(-3000)}`);
	const seconds = (performance.now() - t0) / 1000;
	log(`built in ${seconds.toFixed(0)} s`);
	return seconds;
}

export function hasBuild(appDir: string): boolean {
	return existsSync(join(appDir, 'build', 'index.js'));
}

export type RunningServer = {
	pid: number;
	origin: string;
	output: string[];
	stop: () => Promise<void>;
};

/** Starts `node build` and waits until /healthz answers 200. */
export async function startServer(appDir: string, port: number, env: Record<string, string>): Promise<RunningServer> {
	const origin = `http://127.0.0.1:${port}`;
	const child: ChildProcess = spawn(process.execPath, ['build'], {
		cwd: appDir,
		env: {
			PATH: process.env.PATH ?? '',
			HOME: process.env.HOME ?? '',
			NODE_ENV: 'production',
			HOST: '127.0.0.1',
			PORT: String(port),
			ORIGIN: origin,
			AUTH_SECRET: randomBytes(33).toString('base64'),
			SEED_DEMO: 'empty',
			ALLOW_DEMO_SIGNIN: 'true',
			STATEMENT_TIMING: '1',
			BENCH_ROUTES: '1',
			// Every persona and the 30 jurors sign in from one address.
			SIGNIN_LIMIT_PER_ADDRESS: '100000',
			SIGNIN_LIMIT_PER_ACCOUNT: '1000',
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const output: string[] = [];
	const keep = (chunk: Buffer) => {
		for (const line of chunk.toString().split('\n')) if (line.trim()) output.push(line);
		if (output.length > 400) output.splice(0, output.length - 400);
	};
	child.stdout?.on('data', keep);
	child.stderr?.on('data', keep);
	let exited = false;
	const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
	const stop = async () => {
		if (exited) return;
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
		await exit;
		clearTimeout(timer);
	};
	const deadline = Date.now() + 120_000;
	for (;;) {
		if (exited) throw new Error(`the server stopped while starting:\n${output.slice(-20).join('\n')}`);
		try {
			const r = await fetch(`${origin}/healthz`);
			if (r.status === 200) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`the server did not answer /healthz within 120 s:\n${output.slice(-20).join('\n')}`);
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	return { pid: child.pid!, origin, output, stop };
}

const TICK_MS = 10; // CLK_TCK 100 on Linux

/** CPU milliseconds (user + system) the process used so far. */
export function cpuMs(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	// fields[0] is state (field 3); utime is field 14, stime field 15.
	return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** Resident memory now and at its peak (VmRSS, VmHWM), in MB. */
export function memoryMb(pid: number): { rss: number; hwm: number } {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
	return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}
