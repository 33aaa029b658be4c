/**
 * @module A local SMTP server (smtp-server on 127.0.0.1) for the e-mail tests: no TLS, no auth, collects
 * every message. It can be stopped and started again on the same port, to play an SMTP outage, and can
 * hold the next message unanswered, to play a server that hangs mid-send.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export interface LocalSmtp {
  url: string;
  received: ReceivedMail[];
  stop(): Promise<void>;
  start(): Promise<void>;
  /**
   * Leaves the next message unanswered (received, but its DATA not acknowledged); resolves once it has
   * arrived, with a function that answers it.
   */
  holdNext(): Promise<() => void>;
}

interface Hold {
  arrived(answer: () => void): void;
}

function server(received: ReceivedMail[], holds: Hold[]): SMTPServer {
  return new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        const hold = holds.shift();
        if (hold) hold.arrived(() => callback());
        else callback();
      });
    },
  });
}

export async function startSmtp(): Promise<LocalSmtp> {
  const received: ReceivedMail[] = [];
  const holds: Hold[] = [];
  let current = server(received, holds);
  await new Promise<void>((resolve) => current.listen(0, '127.0.0.1', resolve));
  const { port } = current.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    stop: () => new Promise<void>((resolve) => current.close(() => resolve())),
    start: async () => {
      current = server(received, holds);
      await new Promise<void>((resolve) => current.listen(port, '127.0.0.1', resolve));
    },
    holdNext: () => new Promise((resolve) => holds.push({ arrived: resolve })),
  };
}

/** Decodes RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?UTF-8?Q?…?=`) of a header value. */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_all, enc: string, text: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

/** One header of a raw message, unfolded and decoded. */
export function header(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? '';
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(name.toLowerCase() + ':'));
  return line === undefined ? undefined : decodeWords(line.slice(name.length + 1).trim());
}
