/**
 * `npm start` builds the designer when its build is missing or stale: a build lands whole in its folder,
 * stamped with the hash of the sources it was built from (what the staleness check compares).
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDesigner, designerSourceHash } from '../../../runtime/designer/designer-build';

describe('designer build', () => {
  const made: string[] = [];
  afterAll(async () => {
    for (const dir of made) await rm(dir, { recursive: true, force: true });
  });

  it('stamps a build with the hash of its sources and swaps it in whole', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'closedloop-designer-'));
    made.push(parent);
    const outDir = join(parent, 'dist');
    const hash = await designerSourceHash();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    await buildDesigner(outDir, hash);
    expect((await readFile(join(outDir, '.source-hash'), 'utf8')).trim()).toBe(hash);
    const html = await readFile(join(outDir, 'index.html'), 'utf8');
    const bundle = /src="\/(assets\/index-[\w-]+\.js)"/.exec(html)?.[1];
    expect(bundle).toBeDefined();
    expect((await readdir(join(outDir, 'assets'))).length).toBeGreaterThan(1);
    // Only the finished folder is left: no staging or retired copies beside it.
    expect(await readdir(parent)).toEqual(['dist']);
  }, 120_000);
});
