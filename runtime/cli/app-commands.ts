/**
 * @module `closedloop import-app <bundle.json>` and `closedloop export-app <app> [file]`: the same
 * import and export as the HTTP API, for installing templates and keeping apps in git.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { exportApp } from '../apps/export-app';
import { importApp } from '../apps/import-app';
import { UserError } from '../http/errors';
import type { CommandIo } from './closedloop';
import { withStore } from './open-store';

export async function importAppCommand(args: string[], io: CommandIo): Promise<number> {
  const [file] = args;
  if (!file) throw new Error('usage: closedloop import-app <bundle.json>');
  let bundle: unknown;
  try {
    bundle = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read ${file} as JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  return withStore(io, async (runtime) => {
    try {
      const result = await importApp(runtime, bundle, null);
      const parts = Object.entries(result.imported).flatMap(([part, items]) =>
        items.map((i) => `${part.slice(0, -1)} ${i.key} v${i.version}${i.changed ? '' : ' (unchanged)'}`),
      );
      io.out(`Imported app "${result.app}": ${parts.join(', ')}`);
      return 0;
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      io.err(`The bundle was not imported: ${err.message}`);
      for (const issue of err.issues ?? []) io.err(`  ${issue.path || '/'}: ${issue.message}`);
      return 1;
    }
  });
}

export async function exportAppCommand(args: string[], io: CommandIo): Promise<number> {
  const [app, file] = args;
  if (!app) throw new Error('usage: closedloop export-app <app> [file]');
  return withStore(io, async (runtime) => {
    const text = JSON.stringify(await exportApp(runtime, app), null, 2) + '\n';
    if (file) {
      writeFileSync(file, text);
      io.err(`Exported app "${app}" to ${file}`);
    } else {
      io.out(text.trimEnd());
    }
    return 0;
  });
}
