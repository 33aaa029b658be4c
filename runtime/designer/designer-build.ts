/**
 * @module Builds the designer with Vite when its build is missing or stale. Staleness is a content
 * hash of what goes into the bundle (designer sources, the engine it imports, the lock file) kept
 * beside the build, so a fresh clone, a pull or an edit rebuilds once and an unchanged tree never does.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DESIGNER_DIR = join(REPO_ROOT, 'designer');
export const DESIGNER_DIST = join(DESIGNER_DIR, 'dist');
const STAMP = join(DESIGNER_DIST, '.source-hash');

async function filesUnder(dir: string, skip: ReadonlySet<string>): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (skip.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await filesUnder(path, skip)));
    else found.push(path);
  }
  return found;
}

/** Hash of every input of the designer bundle, in a stable order. */
export async function designerSourceHash(): Promise<string> {
  const skip = new Set(['dist', 'node_modules']);
  const files = [
    ...(await filesUnder(DESIGNER_DIR, skip)),
    ...(await filesUnder(join(REPO_ROOT, 'engine'), skip)),
    join(REPO_ROOT, 'package-lock.json'),
  ].sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(relative(REPO_ROOT, file)).update('\0').update(await readFile(file)).update('\0');
  }
  return hash.digest('hex');
}

async function builtHash(): Promise<string | null> {
  try {
    await readFile(join(DESIGNER_DIST, 'index.html'));
    return (await readFile(STAMP, 'utf8')).trim();
  } catch {
    return null;
  }
}

/** Builds unless the build matches the sources; returns whether it built. */
export async function ensureDesignerBuilt(log: (line: string) => void = () => undefined): Promise<boolean> {
  const wanted = await designerSourceHash();
  if ((await builtHash()) === wanted) return false;
  log('Building the designer (first start or changed sources)…');
  const { build } = await import('vite');
  await build({ configFile: join(DESIGNER_DIR, 'vite.config.ts'), logLevel: 'warn' });
  await writeFile(STAMP, wanted + '\n');
  log('Designer built.');
  return true;
}
