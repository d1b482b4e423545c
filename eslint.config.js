import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

// The house's boundaries (shared/STYLE.md, "The house" and "Between aggregates"), one
// group per rule. A file's restrictions are the union of the groups that apply to it:
// ESLint replaces, not merges, a rule's options when several blocks match one file.
// $lib/server and relative paths through a server folder; not packages such as svelte/server.
const serverCode = {
	regex: '^(\\$lib|\\.\\.?)/(.*/)?server(/|$)',
	message: 'Server code stays on the server: ask for the data in a load or action, and pass plain values to the page.'
};
const components = {
	regex: '(^|/)components(/|$)',
	message: 'Server and domain code never import UI components.'
};
const queries = {
	regex: '\\.queries(\\.(js|ts))?$',
	message: "A route calls its aggregate's service (lib/server/<aggregate>/<aggregate>.service.ts), never its queries."
};
const appModules = {
	regex: '^\\$app(/|$)',
	message: 'lib/domain holds pure rules: no SvelteKit runtime ($app) there.'
};
const routes = {
	regex: '(^|/)routes(/|$)',
	message: 'lib/domain holds pure rules: it never imports from src/routes.'
};

/** @param {...{ regex: string, message: string }} groups */
const restrictImports = (...groups) => ['error', { patterns: groups }];

export default defineConfig(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'src/lib/paraglide/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'data/',
			'bench-data/'
		]
	},
	js.configs.recommended,
	ts.configs.recommendedTypeChecked,
	svelte.configs.recommended,
	prettier,
	svelte.configs.prettier,
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node },
			parserOptions: {
				projectService: {
					// TypeScript files outside tsconfig.json's include list, checked with its options.
					allowDefaultProject: ['playwright.config.ts', 'scripts/*.ts', 'scripts/bench/!(kb-data).ts', 'migrations/*.ts'],
					// (not kb-data.ts: the kb-parity integration test imports it, so it is in the project already)
					defaultProject: 'tsconfig.json',
					// Every migration is one more such file.
					maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 100
				},
				tsconfigRootDir: import.meta.dirname,
				extraFileExtensions: ['.svelte']
			}
		},
		rules: {
			// TypeScript checks undefined names itself, and better (typescript-eslint's advice).
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }
			],
			// The app has no base path, and its links are plain paths: resolve() everywhere would add nothing.
			'svelte/no-navigation-without-resolve': 'off',
			// Reports every local temporary (a URLSearchParams built for one href, a Map grouping rows
			// inside $derived) as if it were state; none of those need to be reactive.
			'svelte/prefer-svelte-reactivity': 'off',
			// `{' · '}` keeps a separator's spaces between two template blocks, which Prettier would otherwise reflow away.
			'svelte/no-useless-mustaches': 'off'
		}
	},
	{
		// Plain JavaScript (root configs, scripts/*.js) has no types to check against: type-aware
		// rules there would only report every untyped parameter as `any`.
		files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
		extends: [ts.configs.disableTypeChecked]
	},
	{
		// Migrations are written against Kysely<any> on purpose (STYLE.md, "Database").
		files: ['migrations/**'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' }
	},
	{
		// Kysely's expression builder is meant to be destructured (`({ not, exists }) => ...`);
		// its functions do not use `this`.
		files: ['**/*.queries.ts'],
		rules: { '@typescript-eslint/unbound-method': 'off' }
	},
	{
		// SvelteKit's ambient App namespace: empty interfaces to be filled in when needed.
		files: ['src/app.d.ts'],
		rules: { '@typescript-eslint/no-empty-object-type': 'off' }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				parser: ts.parser,
				svelteConfig
			}
		}
	},

	// Architecture. Later blocks repeat the earlier groups they must keep.
	{
		files: ['src/lib/server/**', 'src/hooks.server.ts', 'src/**/*.server.ts', 'src/routes/**/+server.ts'],
		rules: { 'no-restricted-imports': restrictImports(components) }
	},
	{
		files: ['src/lib/domain/**'],
		rules: { 'no-restricted-imports': restrictImports(serverCode, appModules, routes, components) }
	},
	{
		files: ['src/lib/components/**'],
		rules: { 'no-restricted-imports': restrictImports(serverCode) }
	},
	{
		files: ['src/routes/**'],
		rules: { 'no-restricted-imports': restrictImports(queries) }
	},
	{
		files: ['src/routes/**/*.server.ts', 'src/routes/**/+server.ts'],
		rules: { 'no-restricted-imports': restrictImports(queries, components) }
	},
	{
		files: ['src/routes/**/*.svelte'],
		rules: { 'no-restricted-imports': restrictImports(queries, serverCode) }
	}
);
