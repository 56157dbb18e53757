import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createSmtpMailer } from '../services/mail/mailer';
import { loginOperator } from '../test-support/clients';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';

// With SMTP_URL set, an invite also goes out by email: a real SMTP server on loopback receives it.

let h: Harness;
let smtp: SMTPServer;
const mails: { from: string; to: string[]; data: string }[] = [];

beforeEach(async () => {
  mails.length = 0;
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  h = await startHarness({ flowOptions: { mailer: createSmtpMailer(`smtp://127.0.0.1:${port}`, 'Baton <baton@acme.example>') } });
  await seedSite(h, { siteId: 'site-a', siteKey: 'key-a' });
  await seedOperator(h, { operatorId: 'op-ana', email: 'ana@a.test', name: 'Ana', siteIds: ['site-a'], role: 'admin' });
});
afterEach(async () => {
  h.deps.mailer?.close();
  await h.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

it('emails the invite link to the invited person when the server has SMTP_URL', async () => {
  const ana = await loginOperator(h, 'ana@a.test');
  const sent = await ana.fetch('/api/sites/site-a/invites', { body: { email: 'lee@a.test', role: 'admin' } });
  expect(sent).toMatchObject({ status: 200, body: { email: 'lee@a.test', emailed: true } });
  expect(mails).toHaveLength(1);
  expect(mails[0]).toMatchObject({ from: 'baton@acme.example', to: ['lee@a.test'] });
  const token = sent.body.inviteUrl.split('#/invite/')[1];
  // Quoted-printable may fold long lines ("=\r\n"): unfold before looking for the link.
  const body = mails[0]!.data.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  expect(body).toContain(`/inbox/#/invite/${token}`);
  expect(body).toMatch(/Subject: You are invited to answer chats for site-a/);
  expect(body).toContain('as an admin');
});
