/**
 * @module The first run of `npm start`: on a store with no definitions and no users, import every
 * bundled template (in the order they build on each other) and load six months of demo data ending
 * today, played through the runtime's own services on a simulated clock — so a new team opens a
 * product already running an after-sales process. Any later start finds definitions and does nothing.
 * Meant for the one-process SQLite start; a second process starting at the same instant on a shared
 * PostgreSQL store could race it (`closedloop import-app` is the tool there).
 */
import { readFileSync } from 'node:fs';
import { DemoClock } from '../../examples/demo-data/demo-clock';
import { defectRuleThreshold } from '../../examples/demo-data/demo-defect-rule';
import { demoExtras } from '../../examples/demo-data/demo-extras';
import { demoPeriodEndingAt } from '../../examples/demo-data/demo-period';
import { createDemoPlan, DEFAULT_PLAN_OPTIONS } from '../../examples/demo-data/demo-plan';
import { loadDemo, type LoadDemoResult } from '../../examples/demo-data/load-demo';
import { importApp } from '../apps/import-app';
import type { Logger } from '../logger';
import type { Database } from '../storage/open-database';
import type { RuntimeContext } from '../runtime-context';
import { bundledTemplates, type BundledTemplate } from './bundled-templates';

export interface FirstRunOptions {
  /** The real time now (epoch ms); the demo ends here. */
  now: number;
  /** Tickets in the demo (over six months); 0 installs the templates only. */
  demoTickets: number;
  /** The demo users' shared password (the caller prints it). */
  demoPassword: string;
  out(line: string): void;
  onProgress?(done: number, total: number): void;
  logger: Logger;
  templatesDir?: string;
}

export interface FirstRunResult {
  templates: string[];
  demo: LoadDemoResult | null;
  /** Why there is no demo data, when there is none. */
  demoSkipped?: string;
}

const DAY = 86_400_000;

/** Imports `templates` (in the order given: `bundledTemplates()` puts each after what it requires). */
export async function installBundledTemplates(
  runtime: RuntimeContext,
  templates: BundledTemplate[] = bundledTemplates(),
  out: (line: string) => void = () => {},
): Promise<void> {
  for (const template of templates) {
    out(`Installing the template ${template.name} …`);
    await importApp(runtime, JSON.parse(readFileSync(template.file, 'utf8')), null);
  }
}

/** A store nobody has used: no definitions and no users. */
export async function isFirstRun(db: Database): Promise<boolean> {
  const definition = await db.knex('definitions').first('id');
  const user = await db.knex('users').first('id');
  return !definition && !user;
}

/** Call when `isFirstRun` said so before anything (the first admin included) was written. */
export async function installOnFirstRun(db: Database, options: FirstRunOptions): Promise<FirstRunResult> {
  const templates = bundledTemplates(options.templatesDir);

  let demoSkipped: string | undefined;
  let plan = null;
  if (options.demoTickets > 0) {
    const period = demoPeriodEndingAt(options.now);
    if ('skipped' in period) demoSkipped = period.skipped;
    else
      plan = createDemoPlan({
        ...DEFAULT_PLAN_OPTIONS,
        ...period,
        tickets: options.demoTickets,
        // The spike trips the shipped defect rule however small the demo.
        minThreshold: defectRuleThreshold(),
      });
  } else {
    demoSkipped = 'no demo tickets asked for (CLOSEDLOOP_DEMO_TICKETS=0)';
  }

  // The templates were there before the demo's first ticket, as they would have been in real use.
  const clock = new DemoClock(plan ? plan.startsAt - 30 * DAY : options.now);
  await installBundledTemplates({ db, clock, logger: options.logger }, templates, options.out);
  if (!plan) return { templates: templates.map((t) => t.name), demo: null, demoSkipped };

  options.out(
    `Loading demo data: ${plan.tickets.length} tickets for ${plan.customers.length} customers ` +
      `from ${plan.options.start} to today …`,
  );
  const demo = await loadDemo({ db, clock, logger: options.logger }, plan, {
    password: options.demoPassword,
    onProgress: options.onProgress,
    extras: demoExtras(plan),
  });
  return { templates: templates.map((t) => t.name), demo };
}
