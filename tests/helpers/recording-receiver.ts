/**
 * @module A webhook receiver on 127.0.0.1 for tests of a real server process: records every delivery it
 * gets (path, `X-Closedloop-Delivery` id, signature, body) and answers as the test's policy says — a
 * status, or `'hold'` to keep the request open (a delivery in flight) until the sender goes away or the
 * receiver closes. Tests wait on `whenReceived` instead of polling or sleeping.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedDelivery {
  path: string;
  deliveryId: string;
  event: string;
  signature: string | null;
  body: string;
}

/** What to answer the `index`-th delivery (0-based): an HTTP status, or `'hold'` to leave it unanswered. */
export type AnswerPolicy = (delivery: RecordedDelivery, index: number) => number | 'hold';

export interface RecordingReceiver {
  /** The receiver's URL for `path` (deliveries are told apart by path). */
  url(path: string): string;
  received: RecordedDelivery[];
  /** Replaces the answer policy for the deliveries that arrive from now on. */
  answer(policy: AnswerPolicy): void;
  /** Resolves with the first delivery (already received or still to come) that `matches`. */
  whenReceived(matches: (delivery: RecordedDelivery, index: number) => boolean): Promise<RecordedDelivery>;
  /** Answers every delivery held open so far with `status`. */
  releaseHeld(status: number): void;
  close(): Promise<void>;
}

export async function startRecordingReceiver(policy: AnswerPolicy = () => 200): Promise<RecordingReceiver> {
  const received: RecordedDelivery[] = [];
  const held = new Set<ServerResponse>();
  const waiters = new Set<() => void>();
  let answerOf = policy;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const header = (name: string) => {
        const value = req.headers[name];
        return typeof value === 'string' ? value : null;
      };
      const delivery: RecordedDelivery = {
        path: req.url ?? '',
        deliveryId: header('x-closedloop-delivery') ?? '',
        event: header('x-closedloop-event') ?? '',
        signature: header('x-closedloop-signature'),
        body: Buffer.concat(chunks).toString('utf8'),
      };
      const index = received.push(delivery) - 1;
      const answer = answerOf(delivery, index);
      if (answer === 'hold') {
        held.add(res);
        res.on('close', () => held.delete(res));
      } else {
        res.writeHead(answer, { 'Content-Type': 'text/plain' });
        res.end(answer >= 300 ? `receiver says no (${answer})` : 'ok');
      }
      for (const waiter of waiters) waiter();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received,
    answer: (next) => {
      answerOf = next;
    },
    whenReceived: (matches) =>
      new Promise((resolve) => {
        const check = () => {
          const found = received.find(matches);
          if (found) {
            waiters.delete(check);
            resolve(found);
          }
        };
        waiters.add(check);
        check();
      }),
    releaseHeld: (status) => {
      for (const res of held) {
        res.writeHead(status, { 'Content-Type': 'text/plain' });
        res.end(status >= 300 ? `receiver says no (${status})` : 'ok');
      }
      held.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of held) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
