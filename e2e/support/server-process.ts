import { type ChildProcess, spawn } from 'node:child_process';

/** A second Baton server the test owns, so it can stop and restart it mid-conversation. */
export class ServerProcess {
  private child: ChildProcess | null = null;
  constructor(
    readonly port: number,
    readonly database: string,
    /** More environment for the server, e.g. E2E_EMPTY=1 for a database with nothing seeded. */
    private readonly env: Record<string, string> = {},
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(keepData: boolean): Promise<void> {
    this.child = spawn('node_modules/.bin/tsx', ['scripts/e2e-server.ts'], {
      env: { ...process.env, ...this.env, PORT: String(this.port), E2E_DB: this.database, ...(keepData ? { E2E_KEEP_DB: '1' } : {}) },
      stdio: 'ignore',
    });
    for (let i = 0; i < 150; i++) {
      const ok = await fetch(`${this.url}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`server on ${this.port} did not start`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    this.child = null;
  }
}
