/** Reading the environment: no database, only the data folder the secret is kept in. */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, publicAddress } from './config';

const dirs: string[] = [];
/** A fresh, empty data folder, removed after the test. */
function dataDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'ideacup-cfg-'));
	dirs.push(dir);
	return dir;
}

afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const secret = 'x'.repeat(20);
const pg = { DATABASE_URL: 'postgres://u@h/db', AUTH_SECRET: secret };
const oidc = { OIDC_ISSUER: 'https://login.example.com', OIDC_CLIENT_ID: 'ideacup', OIDC_CLIENT_SECRET: 's' };

describe('the embedded engine', () => {
	it('reads a sane default for the embedded engine and keeps the generated secret', () => {
		const dir = dataDir();
		const first = loadConfig({ DATA_DIR: dir });
		expect(first.engine).toBe('pglite');
		expect(first.demoSignIn).toBe(true);
		expect(first.authSecret.length).toBeGreaterThanOrEqual(32);
		expect(loadConfig({ DATA_DIR: dir }).authSecret).toBe(first.authSecret);
	});

	it('keeps the generated secret in the data folder, readable by the owner only', () => {
		const dir = dataDir();
		const { authSecret, dataDir: resolved } = loadConfig({ DATA_DIR: dir });
		expect(resolved).toBe(dir);
		const file = join(dir, 'auth-secret');
		expect(readFileSync(file, 'utf8')).toBe(`${authSecret}\n`);
		expect(statSync(file).mode & 0o777).toBe(0o600);
	});

	it('uses a given AUTH_SECRET and writes no secret file', () => {
		const dir = dataDir();
		expect(loadConfig({ DATA_DIR: dir, AUTH_SECRET: secret }).authSecret).toBe(secret);
		expect(existsSync(join(dir, 'auth-secret'))).toBe(false);
	});

	it('says where it cannot keep the secret when the data folder cannot be made', () => {
		const file = join(dataDir(), 'a-file');
		writeFileSync(file, '');
		expect(() => loadConfig({ DATA_DIR: join(file, 'data') })).toThrow(ConfigError);
		expect(() => loadConfig({ DATA_DIR: join(file, 'data') })).toThrow(/Cannot keep the sign-in secret in .*a-file/);
	});

	it('takes a blank DATABASE_URL as none', () => {
		const config = loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: '   ' });
		expect(config.engine).toBe('pglite');
		expect(config.databaseUrl).toBeUndefined();
	});

	it('turns demo sign-in off when ALLOW_DEMO_SIGNIN says so', () => {
		for (const value of ['false', '0', 'no', '']) {
			expect(loadConfig({ DATA_DIR: dataDir(), ALLOW_DEMO_SIGNIN: value }).demoSignIn).toBe(false);
		}
		expect(loadConfig({ DATA_DIR: dataDir(), ALLOW_DEMO_SIGNIN: 'yes' }).demoSignIn).toBe(true);
	});
});

describe('PostgreSQL', () => {
	it('needs AUTH_SECRET with PostgreSQL and refuses a URL that is not PostgreSQL', () => {
		expect(() => loadConfig({ DATABASE_URL: 'postgres://u@h/db' })).toThrow(/AUTH_SECRET is required/);
		expect(() => loadConfig({ DATABASE_URL: 'mysql://u@h/db', AUTH_SECRET: 'x'.repeat(20) })).toThrow(ConfigError);
	});

	it('takes postgres:// and postgresql:// URLs, with a pool of 10 unless told', () => {
		expect(loadConfig(pg)).toMatchObject({ engine: 'postgres', databaseUrl: 'postgres://u@h/db', pgPoolSize: 10 });
		expect(loadConfig({ ...pg, DATABASE_URL: ' postgresql://u@h/db ', PG_POOL_SIZE: '25' })).toMatchObject({
			engine: 'postgres',
			databaseUrl: 'postgresql://u@h/db',
			pgPoolSize: 25
		});
	});

	it('refuses a pool size outside 1..100 and a secret shorter than 16 characters, naming the variable', () => {
		expect(() => loadConfig({ ...pg, PG_POOL_SIZE: '0' })).toThrow(/^Invalid environment: PG_POOL_SIZE /);
		expect(() => loadConfig({ ...pg, PG_POOL_SIZE: '101' })).toThrow(/PG_POOL_SIZE/);
		expect(() => loadConfig({ ...pg, AUTH_SECRET: 'short' })).toThrow('Invalid environment: AUTH_SECRET must be at least 16 characters');
	});

	it('keeps demo sign-in off on PostgreSQL unless explicitly allowed', () => {
		expect(loadConfig(pg).demoSignIn).toBe(false);
		expect(loadConfig({ ...pg, ALLOW_DEMO_SIGNIN: 'true' }).demoSignIn).toBe(true);
	});
});

describe('company sign-in (OIDC)', () => {
	it('keeps demo sign-in off when company SSO is configured, unless explicitly allowed', () => {
		const withSso = { ...oidc, ...pg };
		expect(loadConfig(withSso).demoSignIn).toBe(false);
		expect(loadConfig({ ...withSso, ALLOW_DEMO_SIGNIN: 'true' }).demoSignIn).toBe(true);
		expect(() => loadConfig({ OIDC_ISSUER: 'https://login.example.com', DATA_DIR: tmpdir() })).toThrow(/must be set together/);
	});

	it('keeps demo sign-in off with SSO on the embedded engine too', () => {
		expect(loadConfig({ ...oidc, DATA_DIR: dataDir() }).demoSignIn).toBe(false);
	});

	it('fills the button name and the claim names with their defaults', () => {
		expect(loadConfig({ ...oidc, ...pg }).oidc).toEqual({
			issuer: 'https://login.example.com',
			clientId: 'ideacup',
			clientSecret: 's',
			name: 'Company sign-in',
			claims: {
				department: 'department',
				manager: 'manager',
				jobLevel: 'job_level',
				employeeNumber: 'employee_number',
				educationLevel: 'education_level',
				locale: 'locale'
			}
		});
		expect(loadConfig(pg).oidc).toBeNull();
	});

	it('maps each claim by configuration', () => {
		const claims = loadConfig({
			...oidc,
			...pg,
			OIDC_NAME: 'Entra ID',
			OIDC_CLAIM_DEPARTMENT: 'extension_3f2a_costCentre',
			OIDC_CLAIM_MANAGER: 'manager_email',
			OIDC_CLAIM_JOB_LEVEL: 'jobLevel',
			OIDC_CLAIM_EMPLOYEE_NUMBER: 'employeeid',
			OIDC_CLAIM_EDUCATION_LEVEL: 'edu',
			OIDC_CLAIM_LOCALE: 'preferred_language'
		}).oidc;
		expect(claims).toMatchObject({
			name: 'Entra ID',
			claims: {
				department: 'extension_3f2a_costCentre',
				manager: 'manager_email',
				jobLevel: 'jobLevel',
				employeeNumber: 'employeeid',
				educationLevel: 'edu',
				locale: 'preferred_language'
			}
		});
	});

	it('still reads OIDC_DEPARTMENT_CLAIM, the older name; OIDC_CLAIM_DEPARTMENT wins when both are set', () => {
		expect(loadConfig({ ...oidc, ...pg, OIDC_DEPARTMENT_CLAIM: 'dept' }).oidc?.claims.department).toBe('dept');
		expect(loadConfig({ ...oidc, ...pg, OIDC_DEPARTMENT_CLAIM: 'dept', OIDC_CLAIM_DEPARTMENT: 'ou' }).oidc?.claims.department).toBe('ou');
		expect(loadConfig({ ...oidc, ...pg, OIDC_CLAIM_DEPARTMENT: '' }).oidc?.claims.department).toBe('department');
	});

	it('refuses a claim name with spaces', () => {
		expect(() => loadConfig({ ...oidc, ...pg, OIDC_CLAIM_MANAGER: 'my manager' })).toThrow(
			/^Invalid environment: OIDC_CLAIM_MANAGER must be one claim name without spaces/
		);
	});

	it('refuses an issuer that is not a URL', () => {
		expect(() => loadConfig({ ...oidc, ...pg, OIDC_ISSUER: 'login.example.com' })).toThrow(
			/^Invalid environment: OIDC_ISSUER must be a URL/
		);
	});
});

describe('seeding and the default department', () => {
	it('seeds an empty embedded database by default and puts newcomers in GEN', () => {
		expect(loadConfig(pg)).toMatchObject({ seedDemo: 'auto', defaultDepartment: 'GEN' });
		expect(loadConfig({ ...pg, SEED_DEMO: 'never', DEFAULT_DEPARTMENT: 'OPS' })).toMatchObject({
			seedDemo: 'never',
			defaultDepartment: 'OPS'
		});
	});

	it('refuses a SEED_DEMO value it does not know, in one line', () => {
		let message = '';
		try {
			loadConfig({ ...pg, SEED_DEMO: 'always' });
		} catch (error) {
			expect(error).toBeInstanceOf(ConfigError);
			message = (error as Error).message;
		}
		expect(message).toMatch(/^Invalid environment: SEED_DEMO /);
		expect(message).not.toContain('\n');
	});
});

describe('the address people open, and its cookies', () => {
	it('prints ORIGIN when it is set, localhost with the port otherwise', () => {
		const cfg = loadConfig({ DATA_DIR: dataDir(), ORIGIN: 'https://ideas.example.com/' });
		expect(publicAddress(cfg, '3000')).toBe('https://ideas.example.com');
		expect(publicAddress(loadConfig({ DATA_DIR: dataDir() }), '4321')).toBe('http://localhost:4321');
	});

	it('marks cookies Secure exactly when ORIGIN is https', () => {
		expect(loadConfig({ DATA_DIR: dataDir(), ORIGIN: 'https://ideas.example.com' }).secureCookies).toBe(true);
		expect(loadConfig({ DATA_DIR: dataDir(), ORIGIN: 'http://10.1.2.3:3000' }).secureCookies).toBe(false);
		expect(loadConfig({ DATA_DIR: dataDir() }).secureCookies).toBe(false);
	});

	it('refuses an ORIGIN that is not an http(s) address', () => {
		expect(() => loadConfig({ DATA_DIR: dataDir(), ORIGIN: 'ideas.example.com' })).toThrow(ConfigError);
		expect(() => loadConfig({ DATA_DIR: dataDir(), ORIGIN: 'ftp://ideas.example.com' })).toThrow(ConfigError);
	});

	it('limits sign-in attempts per address and per account, configurable', () => {
		expect(loadConfig({ DATA_DIR: dataDir() }).signInLimits).toEqual({ perAddress: 200, perAccount: 10, windowSeconds: 600 });
		expect(loadConfig({ DATA_DIR: dataDir(), SIGNIN_LIMIT_PER_ACCOUNT: '3' }).signInLimits.perAccount).toBe(3);
	});
});
