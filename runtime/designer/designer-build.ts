/**
 * @module Builds the designer with Vite when its build is missing or stale. Staleness is a content
 * hash of what goes into the bundle (designer sources, the engine it imports, the lock file) kept
 * beside the build, so a fresh clone, a pull or an edit rebuilds once and an unchanged tree never does.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DESIGNER_DIR = join(REPO_ROOT, 'designer');
export const DESIGNER_DIST = join(DESIGNER_DIR, 'dist');
const STAMP = join(DESIGNER_DIST, '.source-hash');

/** Build output (`dist`, and a build's staging folders `dist.*`) and installed packages are not inputs. */
const isOutput = (name: string) => name === 'node_modules' || name === 'dist' || name.startsWith('dist.');

async function filesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (isOutput(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await filesUnder(path)));
    else found.push(path);
  }
  return found;
}

/** Hash of every input of the designer bundle, in a stable order. */
export async function designerSourceHash(): Promise<string> {
  const files = [
    ...(await filesUnder(DESIGNER_DIR)),
    ...(await filesUnder(join(REPO_ROOT, 'engine'))),
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

/**
 * Builds the designer into `outDir` with its source hash stamped beside it. The bundle is written to a
 * sibling folder first and swapped in by renames, so a server (or another test) reading `outDir`
 * never sees it half-built or empty.
 */
export async function buildDesigner(outDir: string, hash?: string): Promise<void> {
  const stamp = hash ?? (await designerSourceHash());
  const staging = `${outDir}.building-${process.pid}-${Date.now()}`;
  const retired = `${outDir}.old-${process.pid}-${Date.now()}`;
  const { build } = await import('vite');
  try {
    await build({
      configFile: join(DESIGNER_DIR, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: staging, emptyOutDir: true },
    });
    await writeFile(join(staging, '.source-hash'), stamp + '\n');
    await rename(outDir, retired).catch(() => undefined);
    await rename(staging, outDir);
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(retired, { recursive: true, force: true });
  }
}

/** Builds unless the build matches the sources; returns whether it built. */
export async function ensureDesignerBuilt(log: (line: string) => void = () => undefined): Promise<boolean> {
  const wanted = await designerSourceHash();
  if ((await builtHash()) === wanted) return false;
  log('Building the designer (first start or changed sources)…');
  await buildDesigner(DESIGNER_DIST, wanted);
  log('Designer built.');
  return true;
}
