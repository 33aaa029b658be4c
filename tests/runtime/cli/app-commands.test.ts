/** `closedloop import-app` / `export-app` in-process on an SQLite file: the bundle goes in and comes back out. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main, type CommandIo } from '../../../runtime/cli/closedloop';

const TOUR = join(import.meta.dirname, '../../../examples/engine-tour/after-sales.app.json');

function captureIo(env: Record<string, string>): CommandIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { env, stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

describe('closedloop import-app / export-app', () => {
  const dir = mkdtempSync(join(tmpdir(), 'closedloop-cli-'));
  const env = { DATABASE_URL: `sqlite:${join(dir, 'cl.db')}` };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports a bundle, says what it published, and exports it back unchanged', async () => {
    const io = captureIo(env);
    expect(await main(['import-app', TOUR], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('Imported app "after-sales-tour": form ticket v1');

    const out = join(dir, 'export.json');
    expect(await main(['export-app', 'after-sales-tour', out], captureIo(env))).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(JSON.parse(readFileSync(TOUR, 'utf8')));

    const again = captureIo(env);
    expect(await main(['import-app', out], again)).toBe(0);
    expect(again.stdout.join('\n')).toContain('form ticket v1 (unchanged)');
  });

  it('refuses an invalid bundle, printing each issue with its path, and exits 1', async () => {
    const bundle = JSON.parse(readFileSync(TOUR, 'utf8'));
    bundle.key = 'broken-app';
    bundle.flows[0].machine.states.diagnose.meta.requiredFields = ['rootCause'];
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify(bundle));
    const io = captureIo(env);
    expect(await main(['import-app', file], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain('/flows/0/machine/states/diagnose/meta/requiredFields/0');
    expect(await main(['export-app', 'broken-app'], captureIo(env))).toBe(1);
  });

  it('names a file it cannot read', async () => {
    const io = captureIo(env);
    expect(await main(['import-app', join(dir, 'missing.json')], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/cannot read .*missing\.json/);
  });
});
