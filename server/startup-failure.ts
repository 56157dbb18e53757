/** The start-up step that failed: each gets its own advice. */
export type StartupStep = 'connect' | 'indexes' | 'event_bus' | 'listen';

export interface StartupTarget {
  port: number;
  host: string;
  mongodbUri: string;
  mongodbDb: string;
}

/** The URI without user, password or query options (they may carry secrets), fit for a log line. */
export function redactMongoUri(uri: string): string {
  return uri.replace(/\?.*$/, '').replace(/^(mongodb(?:\+srv)?:\/\/)[^/]*@/, '$1');
}

// MongoDB's AuthenticationFailed; FerretDB answers with the same code.
const AUTHENTICATION_FAILED = 18;

/** One line a person can act on, naming the variable to change; never a stack trace. */
export function describeStartupFailure(step: StartupStep, error: unknown, target: StartupTarget): string {
  const { code, message, name } = error as { code?: unknown; message?: unknown; name?: unknown };
  const reason = typeof message === 'string' ? message.split('\n')[0] : String(error);
  const database = redactMongoUri(target.mongodbUri);
  if (step === 'listen') {
    if (code === 'EADDRINUSE') return `PORT ${target.port} is in use on ${target.host}; stop the other process or set PORT to a free port.`;
    if (code === 'EACCES') return `PORT ${target.port} needs privileges this user lacks; set PORT to 1024 or above.`;
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
      return `HOST ${target.host} is not an address of this machine; set HOST (0.0.0.0 listens on all).`;
    return `Cannot listen on ${target.host}:${target.port} (${reason}); check PORT and HOST.`;
  }
  if (step === 'connect') {
    if (name === 'MongoParseError') return `MONGODB_URI is not a valid connection string (${reason}); fix MONGODB_URI.`;
    if (code === AUTHENTICATION_FAILED)
      return `The database at ${database} refused the credentials; check the user and password in MONGODB_URI.`;
    return `Cannot reach the database at ${database} (${reason}); check MONGODB_URI and that the server is running.`;
  }
  if (step === 'event_bus') {
    return `Cannot start the event bus in database ${target.mongodbDb} at ${database} (${reason}); check that the MONGODB_URI user may read and write the collection "events", or set EVENT_BUS=off when running a single instance.`;
  }
  return `Cannot create the indexes in database ${target.mongodbDb} at ${database} (${reason}); check that the MONGODB_URI user may create indexes and that the server is MongoDB 6.0+ or FerretDB 1.24+.`;
}
