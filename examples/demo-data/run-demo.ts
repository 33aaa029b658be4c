/**
 * @module `npx tsx examples/demo-data/run-demo.ts <db file> [--tickets N] [--months M] [--seed S]
 * [--no-rules]`: builds the demo plan and loads it — tickets, surveys and the improvement story — into
 * a (new) SQLite store, installing every bundled template first when the store has none, printing
 * progress and the time taken. The demo users' password comes from `CLOSEDLOOP_DEMO_PASSWORD` or is generated and
 * printed once.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { bundledTemplates } from '../../runtime/cli/bundled-templates';
import { installBundledTemplates } from '../../runtime/cli/first-run';
import { jsonLogger } from '../../runtime/logger';
import { migrateToLatest } from '../../runtime/storage/migrate';
import { openDatabase } from '../../runtime/storage/open-database';
import { DemoClock } from './demo-clock';
import { defectRuleThreshold } from './demo-defect-rule';
import { demoExtras } from './demo-extras';
import { createDemoPlan, DEFAULT_PLAN_OPTIONS } from './demo-plan';
import { DEMO_USERS } from './demo-users';
import { loadDemo } from './load-demo';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      tickets: { type: 'string' },
      months: { type: 'string' },
      seed: { type: 'string' },
      'no-rules': { type: 'boolean' },
    },
  });
  const [file] = positionals;
  if (!file) {
    console.error(
      'usage: npx tsx examples/demo-data/run-demo.ts <db file> [--tickets N] [--months M] [--seed S] [--no-rules]',
    );
    return 1;
  }
  const started = performance.now();
  const plan = createDemoPlan({
    tickets: values.tickets ? Number(values.tickets) : DEFAULT_PLAN_OPTIONS.tickets,
    months: values.months ? Number(values.months) : DEFAULT_PLAN_OPTIONS.months,
    seed: values.seed ? Number(values.seed) : DEFAULT_PLAN_OPTIONS.seed,
    // The spike trips the shipped defect rule however small the demo.
    minThreshold: defectRuleThreshold(),
  });
  const planned = performance.now();
  const cpuAtStart = process.cpuUsage();
  console.log(
    `Planned ${plan.tickets.length} tickets for ${plan.customers.length} customers ` +
      `(${plan.options.start}, ${plan.options.months} months; defect spike: ${plan.spike.model} ${plan.spike.category} ` +
      `×${plan.spike.count} in ${plan.spike.month}, threshold ${plan.spike.threshold}) in ${((planned - started) / 1000).toFixed(1)} s`,
  );
  const db = openDatabase(file.includes(':') ? file : `sqlite:${file}`);
  try {
    await migrateToLatest(db.knex);
    // The templates were there before the demo's first ticket; a store that has them keeps its own.
    const clock = new DemoClock(plan.startsAt - 30 * 86_400_000);
    const logger = jsonLogger((line) => process.stderr.write(line + '\n'));
    if (!(await db.knex('definitions').first('id'))) {
      await installBundledTemplates({ db, clock, logger }, bundledTemplates(), (line) => console.log(line));
    }
    const password = process.env.CLOSEDLOOP_DEMO_PASSWORD ?? randomBytes(12).toString('base64url');
    let last = 0;
    const result = await loadDemo({ db, clock, logger }, plan, {
      password,
      extras: demoExtras(plan),
      rules: !values['no-rules'],
      onProgress(done, total) {
        const now = performance.now();
        if (now - last < 1000 && done < total) return;
        last = now;
        const secs = (now - planned) / 1000;
        const eta = done > 0 ? (secs / done) * (total - done) : 0;
        process.stdout.write(
          `\r  ${done}/${total} steps (${((done / total) * 100).toFixed(1)} %) ${secs.toFixed(0)} s, ~${eta.toFixed(0)} s left   `,
        );
      },
    });
    const secs = (performance.now() - planned) / 1000;
    // CPU seconds drift less than wall time on a machine shared with other work.
    const cpu = process.cpuUsage(cpuAtStart);
    console.log(
      `\nLoaded ${result.tickets} tickets, ${result.events} events, ${result.customers} customers, ${result.users} users; ` +
        `${result.timersFired} SLA timers fired, ${result.rulesHandled} events through the rules, in ${secs.toFixed(1)} s ` +
        `(CPU ${(cpu.user / 1e6).toFixed(1)} s user, ${(cpu.system / 1e6).toFixed(1)} s system)`,
    );
    console.log(`Demo users: ${DEMO_USERS.map((u) => u.username).join(', ')}`);
    if (!process.env.CLOSEDLOOP_DEMO_PASSWORD) console.log(`Their password (shown once): ${password}`);
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
