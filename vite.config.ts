import { sveltekit } from '@sveltejs/kit/vite';
import tailwindcss from '@tailwindcss/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default defineConfig({
	plugins: [
		tailwindcss(),
		sveltekit(),
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['cookie', 'preferredLanguage', 'baseLocale']
		})
	],
	server: { fs: { allow: ['migrations'] } },
	// The build's own timing report is noise for someone running `npm start`.
	build: { rolldownOptions: { checks: { bundlerTimings: false } } },
	test: {
		include: ['src/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		environment: 'node',
		// Sized for integration tests on a loaded 2-core machine (a database per file, PGlite in-process).
		testTimeout: 120_000,
		hookTimeout: 180_000,
		fileParallelism: true,
		maxWorkers: 2,
		reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
		// Files a test stores (the demo seed's instruction media among them) go to a temporary
		// folder, never ./data; a test that needs its own folder sets FILES_DIR itself.
		env: { FILES_DIR: process.env.FILES_DIR ?? join(tmpdir(), `ideacup-test-files-${process.pid}`) }
	}
});
