#!/usr/bin/env node
// `npm start`: build when the build is missing or older than the sources, then serve.
// Port 3000 unless PORT says otherwise; the server prints the URL when it is ready.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const marker = join(root, 'build', 'handler.js');

function newestMtime(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of readdirSync(path)) {
		if (entry === 'paraglide' || entry === 'node_modules') continue;
		newest = Math.max(newest, newestMtime(join(path, entry)));
	}
	return newest;
}

const inputs = ['src', 'migrations', 'messages', 'static', 'package.json', 'svelte.config.js', 'vite.config.ts'];
const builtAt = existsSync(marker) ? statSync(marker).mtimeMs : 0;
if (!builtAt || inputs.some((p) => newestMtime(join(root, p)) > builtAt)) {
	console.log('IdeaCup: building the app (first start or sources changed)...');
	const result = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
		cwd: root,
		stdio: 'inherit'
	});
	if (result.status !== 0) {
		console.error('IdeaCup: the build failed (see above).');
		process.exit(result.status ?? 1);
	}
}

process.env.PORT ??= '3000';
// adapter-node takes every request for https unless told the public address: without this,
// SvelteKit's origin check would refuse every form posted to http://localhost.
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
process.env.NODE_ENV ??= 'production';
// Uploads (videos up to 200 MB) stream to disk; hooks refuse large bodies anywhere else.
process.env.BODY_SIZE_LIMIT ??= '210M';
const { server } = await import(join(root, 'build', 'index.js'));
// A 200 MB video on a slow link needs more than Node's default five minutes.
server.server.requestTimeout = 30 * 60_000;
