import { createTransport } from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

/**
 * Mail through the SMTP server SMTP_URL names (smtp://user:pass@host:587, smtps://… for TLS from
 * the first byte), with nodemailer: the one well-kept Node mail client. Without SMTP_URL there is
 * no mailer and invites are links to copy.
 */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from, ...mail });
    },
    close: () => transport.close(),
  };
}
