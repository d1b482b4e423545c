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

/** Text that may be absent; blank counts as absent. */
const optionalText = z
	.string()
	.trim()
	.optional()
	.transform((v) => (v ? v : undefined));

/** Where uploaded files go when not in the data folder: an S3 bucket (AWS or compatible). */
export type ObjectStorage = {
	bucket: string;
	/** undefined: AWS itself, from the region */
	endpoint: string | undefined;
	region: string;
	/** Both or neither; neither: the SDK's usual chain (AWS_* variables, instance role). */
	credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
	/** `http://host/bucket/key` instead of `http://bucket.host/key` (MinIO, s3rver, most self-hosted). */
	forcePathStyle: boolean;
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
	// Object storage for uploaded files (any S3-compatible service); unset: the data folder.
	S3_BUCKET: optionalText.refine((v) => v === undefined || /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(v), {
		message: 'must be a bucket name: 3-63 lower-case letters, digits, dots and hyphens'
	}),
	S3_ENDPOINT: optionalText.refine((v) => v === undefined || /^https?:\/\/[^/\s]+/.test(v), {
		message: 'must be the service address, e.g. https://s3.eu-central-1.amazonaws.com or http://minio:9000'
	}),
	S3_REGION: optionalText,
	S3_ACCESS_KEY_ID: optionalText,
	S3_SECRET_ACCESS_KEY: optionalText,
	S3_FORCE_PATH_STYLE: flag,
	/** The instance's name in an `X-Served-By` response header (load-balancer tests); unset: no header. */
	INSTANCE_NAME: optionalText.refine((v) => v === undefined || /^[\w.-]{1,64}$/.test(v), {
		message: 'must be 1-64 letters, digits, dots, hyphens or underscores'
	}),
	/** Adds `Server-Timing: db;desc="statements=N …"` to every response (benchmark and budget tests). */
	STATEMENT_TIMING: flag,
	/** Serves the benchmark's reference pages /bench/empty and /bench/one-row (404 otherwise). */
	BENCH_ROUTES: flag,
	/** Where e-mail goes: smtp://user:password@host:587 (smtps:// for TLS from the start); unset: the outbox keeps it for admins to read. */
	SMTP_URL: optionalText.refine((v) => v === undefined || /^smtps?:\/\/[^/\s]+/.test(v), {
		message: 'must be an SMTP address, e.g. smtp://user:password@mail.example.com:587'
	}),
	/** The sender of the portal's e-mail. */
	MAIL_FROM: z.string().trim().min(3).max(200).default('IdeaCup <ideacup@localhost>'),
	/** When the daily digest goes out (a cron expression, in MAIL_TIME_ZONE). */
	DIGEST_CRON: z.string().trim().min(9).max(100).default('0 7 * * *'),
	/** The time zone of the digest's cron expression. */
	MAIL_TIME_ZONE: z.string().trim().min(1).max(64).default('Europe/Amsterdam'),
	/** false: this instance runs no background jobs (another one does); they still queue. */
	RUN_JOBS: z
		.enum(['true', 'false', '1', '0'])
		.default('true')
		.transform((v) => v === 'true' || v === '1')
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
	/** Uploaded files go to this bucket; null: to `<DATA_DIR>/files`. */
	objectStorage: ObjectStorage | null;
	/** Set: every response says `X-Served-By: <name>`. */
	instanceName: string | undefined;
	/** Each response says how many SQL statements it ran (Server-Timing). */
	statementTiming: boolean;
	/** The benchmark's reference pages exist (/bench/empty, /bench/one-row). */
	benchRoutes: boolean;
	/** E-mail: the SMTP address (undefined: mail stays in the outbox), the sender, the digest's schedule. */
	mail: { smtpUrl: string | undefined; from: string; digestCron: string; timeZone: string };
	/** This instance works the job queue (delivery, digests, reminders). */
	runJobs: boolean;
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
	const objectStorage = objectStorageOf(e);
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
		objectStorage,
		instanceName: e.INSTANCE_NAME,
		statementTiming: e.STATEMENT_TIMING,
		benchRoutes: e.BENCH_ROUTES,
		mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, digestCron: e.DIGEST_CRON, timeZone: e.MAIL_TIME_ZONE },
		runJobs: e.RUN_JOBS
	};
}

function objectStorageOf(e: z.infer<typeof envSchema>): ObjectStorage | null {
	const { S3_BUCKET: bucket, S3_ENDPOINT: endpoint, S3_ACCESS_KEY_ID: keyId, S3_SECRET_ACCESS_KEY: secret } = e;
	if (!bucket) {
		if (endpoint || keyId || secret || e.S3_REGION) {
			throw new ConfigError(
				'Invalid environment: S3_BUCKET is required when any other S3_ setting is given (or unset them all to keep files in DATA_DIR)'
			);
		}
		return null;
	}
	if (Boolean(keyId) !== Boolean(secret)) {
		throw new ConfigError('Invalid environment: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together');
	}
	if (!endpoint && !e.S3_REGION) {
		throw new ConfigError('Invalid environment: S3_REGION is required for AWS S3 (or set S3_ENDPOINT for another S3-compatible service)');
	}
	return {
		bucket,
		endpoint: endpoint?.replace(/\/+$/, ''),
		region: e.S3_REGION ?? 'us-east-1',
		credentials: keyId && secret ? { accessKeyId: keyId, secretAccessKey: secret } : undefined,
		forcePathStyle: e.S3_FORCE_PATH_STYLE
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
