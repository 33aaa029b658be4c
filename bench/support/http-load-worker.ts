/**
 * @module The load generator's worker thread (started by `http-load.ts` with the options as
 * `workerData`): the clients, the warm-up and the measured window; posts one `LoadResult` back.
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { percentile, type LoadOptions, type LoadRequest, type LoadResult } from './http-load';

const options = workerData as LoadOptions;
const origin = new URL(options.origin);
const agent = new Agent({ keepAlive: true, maxSockets: options.clients });

interface Answer {
  status: number;
  body: string;
}

function send(next: LoadRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...options.headers };
    if (next.body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(next.body);
    }
    const req = request(
      { agent, host: origin.hostname, port: origin.port, method: next.method, path: next.path, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(next.body);
  });
}

async function main(): Promise<LoadResult> {
  let cursor = 0;
  let failures = 0;
  let answered = 0;
  let answeredInWindow = 0;
  let firstFailure: string | null = null;
  const latencies: number[] = [];
  const started = performance.now();
  const measureFrom = started + options.warmupMs;
  const stopAt = measureFrom + options.durationMs;
  let lastAnswer = measureFrom;

  const client = async () => {
    while (performance.now() < stopAt) {
      const next = options.requests[cursor++ % options.requests.length]!;
      const sentAt = performance.now();
      let failure: string | null = null;
      try {
        const answer = await send(next);
        if (answer.status !== options.expectStatus) failure = `${answer.status} ${answer.body.slice(0, 500)}`;
      } catch (err) {
        failure = `no answer: ${String(err)}`;
      }
      const answeredAt = performance.now();
      if (failure !== null) {
        failures++;
        firstFailure ??= failure;
        continue;
      }
      answered++;
      // Throughput counts the answers given in the window (a request in flight when it opened is work
      // the server does in it); latencies are those of the requests sent in it.
      if (answeredAt >= measureFrom) {
        answeredInWindow++;
        lastAnswer = Math.max(lastAnswer, answeredAt);
      }
      if (sentAt >= measureFrom) latencies.push(answeredAt - sentAt);
    }
  };
  await Promise.all(Array.from({ length: options.clients }, client));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const elapsedMs = lastAnswer - measureFrom;
  return {
    measured: latencies.length,
    answered,
    failures,
    firstFailure,
    perSecond: elapsedMs > 0 ? (answeredInWindow * 1000) / elapsedMs : 0,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    elapsedMs,
  };
}

void main().then((result) => parentPort!.postMessage(result));
