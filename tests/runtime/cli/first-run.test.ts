/**
 * @module The first run of `npm start`: every bundled template in an order that imports, demo data
 * ending "now" (an injected instant) on a store nobody used, nothing on a store in use, and the templates
 * alone when the date falls outside the demo's 2026 calendar.
 */
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../../examples/demo-data/demo-users';
import { bundledTemplates, TEMPLATES_DIR } from '../../../runtime/cli/bundled-templates';
import { installOnFirstRun, isFirstRun, type FirstRunResult } from '../../../runtime/cli/first-run';
import { memoryLogger } from '../../../runtime/logger';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-databases';

const NOW = Date.parse('2026-11-24T08:30:00Z'); // 16:30 in Shanghai

describe('bundled templates', () => {
  it('lists every template in templates/, each after the templates it requires', () => {
    const templates = bundledTemplates();
    const files = readdirSync(TEMPLATES_DIR).filter((f) => f.endsWith('.app.json'));
    expect(templates.map((t) => `${t.name}.app.json`).sort()).toEqual(files.sort());
    expect(templates[0]!.name).toBe('after-sales-ticket');
    for (const [i, t] of templates.entries())
      for (const required of t.requires)
        expect(
          templates.findIndex((o) => o.name === required),
          `${t.name} after ${required}`,
        ).toBeLessThan(i);
  });
});

describe('first run with demo data, on SQLite', () => {
  let db: TestDatabase;
  let result: FirstRunResult;
  const progress: [number, number][] = [];
  const lines: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    expect(await isFirstRun(db)).toBe(true);
    result = await installOnFirstRun(db, {
      now: NOW,
      demoTickets: 80,
      demoPassword: 'first run demo 2026',
      out: (line) => lines.push(line),
      onProgress: (done, total) => progress.push([done, total]),
      logger: memoryLogger(),
    });
  }, 180_000);
  afterAll(() => db?.drop());

  it('installs every template, each form published', async () => {
    expect(result.templates).toEqual(bundledTemplates().map((t) => t.name));
    const apps = (await db.knex('definitions').distinct('app').pluck('app')) as string[];
    for (const name of result.templates) expect(apps).toContain(name);
    const drafts = await db.knex('definitions').where({ kind: 'form' }).whereNot({ status: 'published' });
    expect(drafts).toEqual([]);
    expect(lines.filter((l) => l.startsWith('Installing the template'))).toHaveLength(
      result.templates.length,
    );
  });

  it('loads demo tickets up to now and none after it, reporting progress to the end', async () => {
    expect(result.demo?.tickets).toBeGreaterThan(40);
    const tickets = await db
      .knex('records')
      .where({ form_key: 'after-sales-ticket' })
      .count({ n: '*' })
      .first();
    expect(Number((tickets as { n: number }).n)).toBe(result.demo!.tickets);
    const latest = (await db.knex('events').max({ at: 'at' }).first()) as { at: number | string };
    expect(Number(latest.at)).toBeLessThanOrEqual(NOW);
    expect(Number(latest.at)).toBeGreaterThan(NOW - 7 * 86_400_000);
    const [done, total] = progress.at(-1)!;
    expect(done).toBe(total);
  });

  it('has customers answer surveys for their own followed-up tickets', async () => {
    const surveys = (await db
      .knex('records')
      .where({ form_key: 'after-sales-survey' })
      .select('data', 'created_at')) as {
      data: string | Record<string, unknown>;
      created_at: number | string;
    }[];
    expect(surveys.length).toBeGreaterThan(10);
    const ticketIds = new Set(
      (await db.knex('records').where({ form_key: 'after-sales-ticket' }).pluck('id')) as string[],
    );
    for (const survey of surveys) {
      const data =
        typeof survey.data === 'string' ? (JSON.parse(survey.data) as Record<string, unknown>) : survey.data;
      expect(ticketIds.has(data.ticket as string)).toBe(true);
      expect(Number(survey.created_at)).toBeLessThanOrEqual(NOW);
    }
  });

  it('creates the demo team, and the store is no longer a first run', async () => {
    const users = (await db.knex('users').pluck('username')) as string[];
    expect(users.sort()).toEqual(DEMO_USERS.map((u) => u.username).sort());
    expect(await isFirstRun(db)).toBe(false);
  });
});

describe('first run outside 2026', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
  });
  afterAll(() => db?.drop());

  it('installs the templates, skips the demo and says why', async () => {
    const result = await installOnFirstRun(db, {
      now: Date.parse('2027-03-02T02:00:00Z'),
      demoTickets: 80,
      demoPassword: 'unused',
      out: () => {},
      logger: memoryLogger(),
    });
    expect(result.demo).toBeNull();
    expect(result.demoSkipped).toContain('cn-2026');
    expect(result.demoSkipped).toContain('2027-03-02');
    expect(await db.knex('records').first('id')).toBeUndefined();
    expect(
      await db.knex('definitions').where({ kind: 'form', key: 'after-sales-ticket' }).first('key'),
    ).toBeTruthy();
  });
});
