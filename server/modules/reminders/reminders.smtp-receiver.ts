import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

// For tests only (smtp-server is a devDependency): a local SMTP server on a random port that keeps what it
// receives, checks the login of SMTP_URL, and can be "down" (refuses every connection with 421).

export type ReceivedMail = { from: string; to: string[]; subject: string; text: string };

export type SmtpReceiver = {
  url: string;
  mails: ReceivedMail[];
  /** While true, every connection is refused (the SMTP server is down). */
  down: boolean;
  close(): Promise<void>;
};

export async function startSmtpReceiver(user = 'xhht', pass = 'mat-khau-smtp'): Promise<SmtpReceiver> {
  const receiver: SmtpReceiver = { url: '', mails: [], down: false, close: async () => {} };
  const server = new SMTPServer({
    // Plain SMTP on localhost: no STARTTLS (its built-in certificate is self-signed), login allowed without TLS.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onConnect(_session, callback) {
      if (!receiver.down) return callback();
      const err = Object.assign(new Error('Dịch vụ tạm ngừng'), { responseCode: 421 });
      callback(err);
    },
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === pass) return callback(null, { user });
      callback(new Error('Sai tên hoặc mật khẩu'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('latin1');
        receiver.mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), ...parseMessage(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  receiver.url = `smtp://${user}:${pass}@127.0.0.1:${port}`;
  receiver.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return receiver;
}

const qpBytes = (s: string) => {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
      out.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(s.charCodeAt(i) & 0xff);
  }
  return Buffer.from(out);
};

/** Decodes RFC 2047 words (=?UTF-8?Q?…?= / ?B?), joining adjacent ones before reading their UTF-8. */
function decodeWords(value: string): string {
  let out = '';
  let last = 0;
  let bytes: Buffer[] = [];
  const flush = () => {
    if (bytes.length) out += Buffer.concat(bytes).toString('utf8');
    bytes = [];
  };
  for (const m of value.matchAll(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g)) {
    const between = value.slice(last, m.index);
    if (!(bytes.length && /^\s*$/.test(between))) {
      flush();
      out += between;
    }
    bytes.push(m[2]!.toUpperCase() === 'B' ? Buffer.from(m[3]!, 'base64') : qpBytes(m[3]!.replace(/_/g, ' ')));
    last = m.index + m[0].length;
  }
  flush();
  return out + value.slice(last);
}

/** Subject and plain text of a single-part message as nodemailer writes it. */
export function parseMessage(raw: string): { subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string) => head.split('\r\n').find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`))?.slice(name.length + 1).trim() ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const bytes = encoding === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64') : encoding === 'quoted-printable' ? qpBytes(body.replace(/=\r\n/g, '')) : Buffer.from(body, 'latin1');
  return { subject: decodeWords(header('Subject')), text: bytes.toString('utf8').replace(/\r\n/g, '\n').trimEnd() };
}
