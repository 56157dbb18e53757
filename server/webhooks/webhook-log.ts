type LogFn = (context: object, message: string) => void;

/** The slice of a logger the webhook worker writes to (pino's, or a test's). */
export type WebhookLog = Record<'info' | 'warn' | 'error', LogFn>;
