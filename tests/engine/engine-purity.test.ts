/** engine/ does no IO and imports nothing from runtime/ or designer/ (STYLE.md, "In this project" 1). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanEngine, scanSource } from '../helpers/engine-purity';

const ENGINE = join(import.meta.dirname, '..', '..', 'engine');

describe('engine purity', () => {
  it('finds no IO, no server or browser modules and no imports leaving engine/', () => {
    expect(scanEngine(ENGINE)).toEqual([]);
  });

  it('catches each kind of violation (so the check above can fail)', () => {
    const file = join(ENGINE, 'forms', 'bad.ts');
    const text = [
      "import { readFileSync } from 'node:fs';",
      "import knex from 'knex';",
      "import { useState } from 'react';",
      "import { createApp } from '../../runtime/create-app';",
      "export { x } from '../../designer/x';",
      "import { ok } from './sibling';",
      'const a = fetch("http://x");',
      'const b = process.env.HOME;',
      'const c = import("./later");',
      '// fetch in a comment does not count; neither does "process" in a string',
      'const d = { fetch: 1 }.fetch;',
      'const window = { start: 1 }; const e = window.start;',
      'const f = document.title;',
    ].join('\n');
    const found = scanSource(file, text, ENGINE).map((f) => `${f.line} ${f.what}`);
    expect(found).toEqual([
      '1 forbidden import: node:fs',
      '2 forbidden import: knex',
      '3 forbidden import: react',
      '4 import leaves engine/: ../../runtime/create-app',
      '5 import leaves engine/: ../../designer/x',
      '7 IO global: fetch',
      '8 IO global: process',
      '9 dynamic import()',
      '13 IO global: document',
    ]);
  });
});
