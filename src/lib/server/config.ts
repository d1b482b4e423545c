import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/** A wrong environment value: reported as one clear line at start-up, never a stack trace. */
export class ConfigError extends Error {}

const flag = z
	.enum(['true', 'false', '1', '0', 'yes', 'no', ''])
	.optional()
	.transform((v) => v === 'true' || v === '1' || v === 'yes');

/** The name of a claim in the ID token, e.g. `department` or `extension_3f2a_employeeNumber`. */
const claimName = z
	.string()
	.trim()
	.max(200, 'must be at most 200 characters')
	.regex(/^\S*$/, 'must be one claim name without spaces')
	.optional()
	.transform((v) => (v ? v : undefined));

/** Which ID-token claims say where a person belongs; company sign-in reads them at each sign-in. */
export type ClaimNames = {
	department: string;
	/** The manager's e-mail address or employee number. */
	manager: string;
	jobLevel: string;
	employeeNumber: string;
	educationLevel: string;
	locale: string;
};

export const DEFAULT_CLAIMS: ClaimNames = {
	department: 'department',
	manager: 'manager',
	jobLevel: 'job_level',
	employeeNumber: 'employee_number',
	educationLevel: 'education_level',
	locale: 'locale'
};

const envSchema = z.object({
	DATABASE_URL: z
		.string()
		.trim()
		.optional()
		.transform((v) => (v ? v : undefined))
		.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
			message: 'must start with postgres:// or postgresql://'
		}),
	DATA_DIR: z.string().trim().min(1).default('./data'),
	AUTH_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
	OIDC_ISSUER: z.url('must be a URL, e.g. https://login.example.com/realms/company').optional(),
	OIDC_CLIENT_ID: z.string().min(1).optional(),
	OIDC_CLIENT_SECRET: z.string().min(1).optional(),
	OIDC_NAME: z.string().default('Company sign-in'),
	OIDC_CLAIM_DEPARTMENT: claimName,
	/** The older name of OIDC_CLAIM_DEPARTMENT, still read. */
	OIDC_DEPARTMENT_CLAIM: claimName,
	OIDC_CLAIM_MANAGER: claimName,
	OIDC_CLAIM_JOB_LEVEL: claimName,
	OIDC_CLAIM_EMPLOYEE_NUMBER: claimName,
	OIDC_CLAIM_EDUCATION_LEVEL: claimName,
	OIDC_CLAIM_LOCALE: claimName,
	DEFAULT_DEPARTMENT: z.string().default('GEN'),
	ALLOW_DEMO_SIGNIN: flag,
	SEED_DEMO: z.enum(['auto', 'empty', 'never']).default('auto'),
	PG_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
	ORIGIN: z
		.url('must be the address people open, e.g. https://ideas.example.com')
		.refine((v) => /^https?:\/\//.test(v), 'must start with http:// or https://')
		.optional(),
	SIGNIN_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(200),
	SIGNIN_LIMIT_PER_ACCOUNT: z.coerce.number().int().min(1).max(1_000_000).default(10),
	SIGNIN_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
	/** Adds `Server-Timing: db;desc="statements=N …"` to every response (benchmark and budget tests). */
	STATEMENT_TIMING: flag
});

export type AppConfig = {
	databaseUrl: string | undefined;
	dataDir: string;
	engine: 'postgres' | 'pglite';
	authSecret: string;
	oidc: { issuer: string; clientId: string; clientSecret: string; name: string; claims: ClaimNames } | null;
	defaultDepartment: string;
	demoSignIn: boolean;
	/** auto: seed an empty embedded database; empty: seed any empty database; never. */
	seedDemo: 'auto' | 'empty' | 'never';
	pgPoolSize: number;
	/** The address people open (ORIGIN), without a trailing slash; undefined: as the request came. */
	origin: string | undefined;
	/** Cookies are `Secure` exactly when the portal is served over https. */
	secureCookies: boolean;
	signInLimits: { perAddress: number; perAccount: number; windowSeconds: number };
	/** Each response says how many SQL statements it ran (Server-Timing). */
	statementTiming: boolean;
};

function describe(error: z.ZodError): string {
	return error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ');
}

/** Reads and checks the environment once. Throws ConfigError with a one-line message. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
	const parsed = envSchema.safeParse(env);
	if (!parsed.success) throw new ConfigError(`Invalid environment: ${describe(parsed.error)}`);
	const e = parsed.data;
	const oidcParts = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET];
	if (oidcParts.some(Boolean) && !oidcParts.every(Boolean)) {
		throw new ConfigError('Invalid environment: OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together');
	}
	const oidc = e.OIDC_ISSUER
		? {
				issuer: e.OIDC_ISSUER,
				clientId: e.OIDC_CLIENT_ID!,
				clientSecret: e.OIDC_CLIENT_SECRET!,
				name: e.OIDC_NAME,
				claims: {
					department: e.OIDC_CLAIM_DEPARTMENT ?? e.OIDC_DEPARTMENT_CLAIM ?? DEFAULT_CLAIMS.department,
					manager: e.OIDC_CLAIM_MANAGER ?? DEFAULT_CLAIMS.manager,
					jobLevel: e.OIDC_CLAIM_JOB_LEVEL ?? DEFAULT_CLAIMS.jobLevel,
					employeeNumber: e.OIDC_CLAIM_EMPLOYEE_NUMBER ?? DEFAULT_CLAIMS.employeeNumber,
					educationLevel: e.OIDC_CLAIM_EDUCATION_LEVEL ?? DEFAULT_CLAIMS.educationLevel,
					locale: e.OIDC_CLAIM_LOCALE ?? DEFAULT_CLAIMS.locale
				}
			}
		: null;
	const dataDir = resolve(e.DATA_DIR);
	const engine = e.DATABASE_URL ? 'postgres' : 'pglite';
	let authSecret = e.AUTH_SECRET;
	if (!authSecret) {
		if (engine === 'postgres') {
			throw new ConfigError('AUTH_SECRET is required when DATABASE_URL is set (generate one: openssl rand -base64 33)');
		}
		authSecret = readOrCreateSecret(dataDir);
	}
	return {
		databaseUrl: e.DATABASE_URL,
		dataDir,
		engine,
		authSecret,
		oidc,
		defaultDepartment: e.DEFAULT_DEPARTMENT,
		// Demo sign-in is for the embedded default. With company SSO or a PostgreSQL database
		// (a real installation) it needs an explicit ALLOW_DEMO_SIGNIN=true.
		demoSignIn: oidc || engine === 'postgres' ? e.ALLOW_DEMO_SIGNIN : env.ALLOW_DEMO_SIGNIN === undefined ? true : e.ALLOW_DEMO_SIGNIN,
		seedDemo: e.SEED_DEMO,
		pgPoolSize: e.PG_POOL_SIZE,
		origin: e.ORIGIN ? new URL(e.ORIGIN).origin : undefined,
		secureCookies: e.ORIGIN ? new URL(e.ORIGIN).protocol === 'https:' : false,
		signInLimits: {
			perAddress: e.SIGNIN_LIMIT_PER_ADDRESS,
			perAccount: e.SIGNIN_LIMIT_PER_ACCOUNT,
			windowSeconds: e.SIGNIN_LIMIT_WINDOW_SECONDS
		},
		statementTiming: e.STATEMENT_TIMING
	};
}

function readOrCreateSecret(dataDir: string): string {
	const file = join(dataDir, 'auth-secret');
	try {
		if (existsSync(file)) return readFileSync(file, 'utf8').trim();
		mkdirSync(dataDir, { recursive: true });
		const secret = randomBytes(33).toString('base64');
		writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
		return secret;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
		throw new ConfigError(`Cannot keep the sign-in secret in ${dataDir}: ${(error as Error).message}`);
	}
}

/** The address people should open, as the start-up line prints it: ORIGIN when set. */
export function publicAddress(cfg: Pick<AppConfig, 'origin'>, port: string | undefined): string {
	return cfg.origin ?? `http://localhost:${port ?? '3000'}`;
}

let cached: AppConfig | undefined;
export function config(): AppConfig {
	cached ??= loadConfig();
	return cached;
}
