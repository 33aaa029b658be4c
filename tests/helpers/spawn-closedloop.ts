/**
 * @module Runs the real `closedloop` command in a child process, for tests of what an operator sees:
 * waits for a line of its output (never a fixed sleep) and stops it with a signal.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const BIN = join(import.meta.dirname, '..', '..', 'runtime', 'cli', 'bin.mjs');

export interface RunningCommand {
  child: ChildProcess;
  output(): string;
  /** Resolves with the first match of `pattern` in stdout + stderr; rejects if the process exits first. */
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>;
  /** Resolves with the exit code once the process ends by itself. */
  exited(): Promise<number | null>;
  /** Sends `signal` and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function spawnClosedloop(args: string[], env: Record<string, string>): RunningCommand {
  const child = spawn(process.execPath, [BIN, ...args], {
    // The global setup built the designer; a test process never rebuilds it under another's feet.
    env: { ...process.env, CLOSEDLOOP_SKIP_DESIGNER_BUILD: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    text += chunk.toString('utf8');
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => text,
    waitFor(pattern) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = text.match(pattern);
          if (match) {
            listeners.delete(check);
            resolve(match);
          }
        };
        listeners.add(check);
        check();
        void exited.then((code) => {
          if (listeners.has(check))
            reject(new Error(`closedloop exited (${code}) before printing ${pattern}:\n${text}`));
        });
      });
    },
    exited: () => exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
