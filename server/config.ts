import { z } from 'zod';
import { type EmbeddingsConfig, loadEmbeddingsConfig } from './services/embeddings';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  MONGODB_URI: z
    .string({ error: 'MONGODB_URI is required: a mongodb:// or mongodb+srv:// connection string (MongoDB 6.0+, Atlas or FerretDB)' })
    .regex(/^mongodb(\+srv)?:\/\//, 'MONGODB_URI must start with mongodb:// or mongodb+srv://'),
  MONGODB_DB: z.string().regex(/^[A-Za-z0-9_-]{1,60}$/, 'MONGODB_DB must be 1-60 letters, digits, _ or -').default('baton'),
  PUBLIC_URL: z.url('PUBLIC_URL must be an absolute URL such as https://chat.example.com').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  STATIC_DIR: z.string().default('dist/public'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  /** Behind a load balancer: trust its X-Forwarded-* headers (client address for rate limits). */
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  /** Cookies get the Secure flag: on by default when PUBLIC_URL is https. */
  COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  /** After SIGTERM: longest wait for open work before exiting 1 anyway. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  DEMO_SITE_KEY: z.string().regex(/^[\w-]{1,64}$/, 'DEMO_SITE_KEY must be 1-64 letters, digits, _ or -').default('demo'),
});

export interface AppConfig {
  port: number;
  host: string;
  mongodbUri: string;
  mongodbDb: string;
  publicUrl: string | undefined;
  logLevel: string;
  staticDir: string;
  sessionTtlMs: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  demoSiteKey: string;
  shutdownTimeoutMs: number;
  /** EMBEDDINGS_*: the semantic layer's service; without EMBEDDINGS_URL the rules decide alone. */
  embeddings: EmbeddingsConfig;
}

/** Parses the environment; throws one message naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  const parsed = Env.safeParse(env);
  const lines = parsed.success ? [] : parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  let embeddings: EmbeddingsConfig | null = null;
  try {
    embeddings = loadEmbeddingsConfig(env);
  } catch (error) {
    lines.push(...(error as Error).message.split('\n').slice(1));
  }
  if (!parsed.success || embeddings === null) throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    mongodbUri: e.MONGODB_URI,
    mongodbDb: e.MONGODB_DB,
    publicUrl: e.PUBLIC_URL,
    logLevel: e.LOG_LEVEL,
    staticDir: e.STATIC_DIR,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    cookieSecure: e.COOKIE_SECURE ? e.COOKIE_SECURE === 'true' : (e.PUBLIC_URL?.startsWith('https:') ?? false),
    trustProxy: e.TRUST_PROXY === 'true',
    demoSiteKey: e.DEMO_SITE_KEY,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    embeddings,
  };
}
