// E-mail through the SMTP server of the configuration (SMTP_URL, MAIL_FROM). nodemailer is loaded on the
// first message, so a server without e-mail, and the start-up of every server, do not carry it.

export type MailMessage = { to: string; subject: string; text: string };
export type Mailer = { send(message: MailMessage): Promise<void> };

/**
 * Whether a sending error means the server cannot be reached or refuses us (connection, TLS, login,
 * protocol): the run then stops e-mailing and the next run tries again. An address refused (EENVELOPE) or a
 * message refused (EMESSAGE) concerns that message only.
 */
export function serverDown(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return code !== 'EENVELOPE' && code !== 'EMESSAGE';
}

export function createSmtpMailer(opts: { smtpUrl: string; from: string }): Mailer {
  let transport: Promise<{ sendMail(m: MailMessage & { from: string }): Promise<unknown> }> | null = null;
  const open = async () => {
    const nodemailer = await import('nodemailer');
    // Short timeouts: an unreachable server must not hold a reminder run for minutes (nodemailer waits 2 min).
    return nodemailer.createTransport({ url: opts.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  };
  return {
    async send(message) {
      transport ??= open();
      await (await transport).sendMail({ ...message, from: opts.from });
    },
  };
}
