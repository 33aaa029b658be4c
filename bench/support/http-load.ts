/**
 * @module A small HTTP load generator: `clients` concurrent clients over keep-alive connections, each
 * sending its next request as soon as its last one is answered — a warm-up first, then a measured
 * window — and the throughput with the p50 / p99 of the measured requests' latencies. It runs in a
 * worker thread (`http-load-worker.ts`), so the server under test keeps the main thread to itself.
 */
import { Worker } from 'node:worker_threads';

export interface LoadRequest {
  method: 'POST' | 'GET' | 'PUT' | 'PATCH';
  path: string;
  /** A JSON body, already serialised. */
  body?: string;
}

export interface LoadOptions {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Sent with every request (e.g. `Authorization`). */
  headers?: Record<string, string>;
  /** Taken in turn by all clients, round and round. */
  requests: readonly LoadRequest[];
  clients: number;
  warmupMs: number;
  durationMs: number;
  /** The status every answer must have; any other is a failure. */
  expectStatus: number;
}

export interface LoadResult {
  /** Requests sent in the measured window and answered: the latencies' sample. */
  measured: number;
  /** Every answer with the expected status, warm-up included (what the server did in all). */
  answered: number;
  /** Answers with another status, or failed connections, warm-up included. */
  failures: number;
  /** The first failure's status and body, to say what went wrong. */
  firstFailure: string | null;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** The wall time of the measured window, until its last answer (`perSecond` counts the answers in it). */
  elapsedMs: number;
}

/** The value below which `p` of the sorted values lie (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(p * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

export function runHttpLoad(options: LoadOptions): Promise<LoadResult> {
  // tsx registers itself in the worker too (a worker does not inherit the main thread's loaders).
  const worker = new URL('./http-load-worker.ts', import.meta.url).href;
  const api = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${JSON.stringify(worker)}, ${JSON.stringify(import.meta.url)}))`;
  return new Promise((resolve, reject) => {
    const thread = new Worker(boot, { eval: true, workerData: options });
    thread.once('message', (result: LoadResult) => {
      resolve(result);
      void thread.terminate();
    });
    thread.once('error', reject);
    thread.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the load generator stopped with exit code ${code}`));
    });
  });
}
