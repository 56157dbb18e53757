import { z } from 'zod';
import { type OutboundPolicy, parseOutboundAllow } from './security/outbound-url';
import { parseTrustProxy, type TrustProxy } from './security/trust-proxy';
import { parseSecretKey } from './security/secret-box';
import { type EmbeddingsConfig, loadEmbeddingsConfig } from './services/embeddings';

/** What the server and the command line (server/cli) both read, checked the same way. */
export const DatabaseEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  MONGODB_URI: z
    .string({ error: 'MONGODB_URI is required: a mongodb:// or mongodb+srv:// connection string (MongoDB 6.0+, Atlas or FerretDB)' })
    .regex(/^mongodb(\+srv)?:\/\//, 'MONGODB_URI must start with mongodb:// or mongodb+srv://'),
  MONGODB_DB: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,60}$/, 'MONGODB_DB must be 1-60 letters, digits, _ or -')
    .default('baton'),
  PUBLIC_URL: z.url('PUBLIC_URL must be an absolute URL such as https://chat.example.com').optional(),
  EVENT_BUS: z
    .enum(['mongodb', 'off'], { error: 'EVENT_BUS must be mongodb (several instances) or off (one instance)' })
    .default('mongodb'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://, such as smtp://user:pass@mail.example.com:587')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Baton <baton@localhost>'),
});

const Env = DatabaseEnv.extend({
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  STATIC_DIR: z.string().default('dist/public'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  /** Behind a load balancer: how many proxies (or which addresses) set X-Forwarded-For; see security/trust-proxy.ts. */
  TRUST_PROXY: z.string().optional(),
  /** Cookies get the Secure flag: on by default when PUBLIC_URL is https. */
  COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  /** After SIGTERM: longest wait for open work before exiting 1 anyway. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** After SIGTERM: how long /readyz says draining while still serving, so load balancers stop first. */
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(300_000).default(0),
  /** Private ranges and hosts outgoing webhooks and the bot may reach (self-hosted receivers). */
  OUTBOUND_ALLOW: z.string().optional(),
  DEMO_SITE_KEY: z
    .string()
    .regex(/^[\w-]{1,64}$/, 'DEMO_SITE_KEY must be 1-64 letters, digits, _ or -')
    .default('demo'),
  /** When set, GET /metrics answers Prometheus metrics to `Authorization: Bearer <token>`; unset, it is not served. */
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters (openssl rand -hex 16)').optional(),
  /** Seals secrets stored in the database (an AI agent's API key): 32 bytes, base64 or hex. */
  BATON_SECRET_KEY: z
    .string()
    .refine(
      (v) => /^[0-9a-fA-F]{64}$/.test(v) || Buffer.from(v, 'base64').length === 32,
      'BATON_SECRET_KEY must be 32 bytes as base64 or 64 hex digits (openssl rand -base64 32)',
    )
    .optional(),
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
  trustProxy: TrustProxy;
  demoSiteKey: string;
  shutdownTimeoutMs: number;
  shutdownDrainMs: number;
  outbound: OutboundPolicy;
  eventBus: 'mongodb' | 'off';
  secretKey: Buffer | null;
  /** METRICS_TOKEN: the bearer token /metrics asks for; null: /metrics is not served. */
  metricsToken: string | null;
  smtpUrl: string | undefined;
  mailFrom: string;
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
  let outbound: OutboundPolicy;
  let trustProxy: TrustProxy;
  try {
    outbound = parseOutboundAllow(e.OUTBOUND_ALLOW);
    trustProxy = parseTrustProxy(e.TRUST_PROXY);
  } catch (error) {
    throw new Error(`Invalid configuration:\n  ${(error as Error).message}`);
  }
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
    trustProxy,
    demoSiteKey: e.DEMO_SITE_KEY,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    shutdownDrainMs: e.SHUTDOWN_DRAIN_MS,
    outbound,
    eventBus: e.EVENT_BUS,
    secretKey: parseSecretKey(e.BATON_SECRET_KEY),
    metricsToken: e.METRICS_TOKEN ?? null,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    embeddings,
  };
}
