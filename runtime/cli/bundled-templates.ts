/**
 * @module The app templates shipped in `templates/`, in an order they can be imported in: a template
 * comes after the ones it builds on. A bundle cannot declare what it requires yet, so the order comes
 * from the `requires` of the template's sample cases (`<name>.cases.json`), which the template tests
 * already check (the bundle does not import on its own, and does after those).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export interface BundledTemplate {
  name: string;
  file: string;
  requires: string[];
}

export function bundledTemplates(dir = TEMPLATES_DIR): BundledTemplate[] {
  const found = readdirSync(dir)
    .filter((f) => f.endsWith('.app.json'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.app.json'.length);
      const cases = JSON.parse(readFileSync(join(dir, `${name}.cases.json`), 'utf8')) as {
        requires?: string[];
      };
      return { name, file: join(dir, f), requires: cases.requires ?? [] };
    });
  return installOrder(found);
}

/** Depth-first: each template after everything it requires; a cycle or an unknown name is an error. */
function installOrder(templates: BundledTemplate[]): BundledTemplate[] {
  const byName = new Map(templates.map((t) => [t.name, t]));
  const ordered: BundledTemplate[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (t: BundledTemplate, path: string[]) => {
    if (state.get(t.name) === 'done') return;
    if (state.get(t.name) === 'visiting')
      throw new Error(`templates require each other in a cycle: ${[...path, t.name].join(' → ')}`);
    state.set(t.name, 'visiting');
    for (const name of t.requires) {
      const required = byName.get(name);
      if (!required) throw new Error(`template "${t.name}" requires "${name}", which is not in templates/`);
      visit(required, [...path, t.name]);
    }
    state.set(t.name, 'done');
    ordered.push(t);
  };
  for (const t of templates) visit(t, []);
  return ordered;
}
