/**
 * Scheduled rules in the runtime: publishing (or importing) a rule keeps its next tick as one durable
 * timer; at the tick the sweeper checks every group and opens one R&D task per model over the
 * threshold, shown in the firing history; a retried or raced tick fires nothing twice; after an outage
 * the rule runs once for the latest missed tick; a monthly review of last month (a calendar window with
 * offset −1) ticking on the 1st reads the month just ended; disabling it removes the timer; and the
 * live scheduler fires exactly what the dry run says it would.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { importApp } from '../../../runtime/apps/import-app';
import { memoryLogger } from '../../../runtime/logger';
import type { RuntimeContext } from '../../../runtime/runtime-context';
import { readJson } from '../../../runtime/storage/json-value';
import { openDatabase } from '../../../runtime/storage/open-database';
import { sweepDueTimers } from '../../../runtime/timers/timer-sweeper';
import { startHarness, type Harness } from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';
import {
  adminHeaders,
  bundle,
  complaintsAt,
  dailyRule,
  lastMonthReview,
  publishRule,
  RULE_KEY,
  rdTasks,
  shanghai,
  sweep,
  TIMER_ID,
  tickTimer,
} from './scheduled-rule-fixtures';

const iso = (local: string) => new Date(shanghai(local)).toISOString();

describe.each(DIALECTS)('scheduled rules on %s', (dialect) => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  /** A runtime at `start` with the app imported (its daily rule included). */
  async function appAt(start: string): Promise<Harness> {
    h = await startHarness(dialect, shanghai(start));
    await importApp(h.runtime, bundle, 'admin');
    return h;
  }

  /** October so far: X200 4 and X100 3 screen complaints (over the threshold of 3), X300 2, batteries. */
  async function october(h: Harness) {
    await complaintsAt(h, shanghai('2026-10-01T10:00:00'), 'X200', 'screen', 4);
    await complaintsAt(h, shanghai('2026-10-01T11:00:00'), 'X100', 'screen', 3);
    await complaintsAt(h, shanghai('2026-10-01T12:00:00'), 'X300', 'screen', 2);
    await complaintsAt(h, shanghai('2026-10-01T13:00:00'), 'X300', 'battery', 3);
  }

  it('keeps the next tick of an imported or published scheduled rule as one timer, in the rule’s zone', async () => {
    const h = await appAt('2026-10-01T09:00:00');
    expect(await tickTimer(h)).toMatchObject({
      due: iso('2026-10-01T18:00:00'),
      kind: 'rule-tick',
      recordId: null,
      payload: { rule: RULE_KEY, tick: Date.parse(iso('2026-10-01T18:00:00')) },
    });
    // A new version while the tick is pending keeps the one timer.
    h.clock.set(shanghai('2026-10-01T12:00:00'));
    await publishRule(h, { ...dailyRule, condition: { '>=': [{ var: 'aggregates.screens' }, 4] } });
    expect(await h.db.knex('timers').where({ kind: 'rule-tick' }).select('id')).toEqual([{ id: TIMER_ID }]);
    expect((await tickTimer(h))?.due).toBe(iso('2026-10-01T18:00:00'));
    // A changed schedule starts at its own next tick: 08:30 on the 1st of the month, Shanghai time.
    await publishRule(h, {
      ...dailyRule,
      trigger: { ...dailyRule.trigger, schedule: { every: 'month', at: '08:30' } },
    });
    expect((await tickTimer(h))?.due).toBe(iso('2026-11-01T08:30:00'));
    // Weekly ticks are on Mondays: Thu 1 Oct → Mon 5 Oct.
    await publishRule(h, {
      ...dailyRule,
      trigger: { ...dailyRule.trigger, schedule: { every: 'week', at: '07:00' } },
    });
    expect((await tickTimer(h))?.due).toBe(iso('2026-10-05T07:00:00'));
    expect(await h.db.knex('timers').count({ n: '*' })).toEqual([{ n: 1 }]);
  });

  it('fires at its tick for exactly the groups over the threshold, one task each, in the firing history', async () => {
    const h = await appAt('2026-10-01T09:00:00');
    const headers = await adminHeaders(h);
    await october(h);
    h.clock.set(shanghai('2026-10-01T17:59:59'));
    expect((await sweep(h)).handled).toEqual([]);

    h.clock.set(shanghai('2026-10-01T18:00:00'));
    expect(await sweep(h)).toMatchObject({
      fired: 1,
      failed: 0,
      handled: [{ id: TIMER_ID, outcome: 'fired' }],
    });
    expect(await rdTasks(h)).toEqual([
      { title: 'X100 screen failures 2026-10', model: 'X100', month: '2026-10', count: 3 },
      { title: 'X200 screen failures 2026-10', model: 'X200', month: '2026-10', count: 4 },
    ]);
    // The timer moved on to tomorrow's tick.
    expect((await tickTimer(h))?.due).toBe(iso('2026-10-02T18:00:00'));

    const history = await h.request({ method: 'GET', url: `/api/rules/${RULE_KEY}/firings`, headers });
    expect(history.status).toBe(200);
    const items = (history.body.items as any[]).sort((a, b) => a.key.localeCompare(b.key));
    const octoberWindow = {
      key: '2026-10',
      start: iso('2026-10-01T00:00:00'),
      end: iso('2026-11-01T00:00:00'),
    };
    expect(items.map((f) => [f.key, f.group, f.window, f.at, f.records.length, f.created[0].type])).toEqual([
      [
        `${RULE_KEY}|model=X100|2026-10`,
        { model: 'X100' },
        octoberWindow,
        iso('2026-10-01T18:00:00'),
        3,
        'create-record',
      ],
      [
        `${RULE_KEY}|model=X200|2026-10`,
        { model: 'X200' },
        octoberWindow,
        iso('2026-10-01T18:00:00'),
        4,
        'create-record',
      ],
    ]);
    const run = await h.db.knex('events').where({ type: 'rule.scheduled-run' }).first();
    expect(readJson(run.payload)).toMatchObject({
      rule: RULE_KEY,
      tick: iso('2026-10-01T18:00:00'),
      skippedTicks: 0,
      groups: 3,
      fired: 2,
    });

    // The next day X300 crosses the threshold; the groups that fired this month do not fire again.
    await complaintsAt(h, shanghai('2026-10-02T10:00:00'), 'X300', 'screen');
    await complaintsAt(h, shanghai('2026-10-02T10:30:00'), 'X200', 'screen');
    h.clock.set(shanghai('2026-10-02T18:00:10'));
    expect((await sweep(h)).fired).toBe(1);
    expect((await rdTasks(h)).map((t) => `${t.model} ${t.count}`)).toEqual(['X100 3', 'X200 4', 'X300 3']);
  });

  it('fires nothing twice when the same tick is swept again', async () => {
    const h = await appAt('2026-10-01T09:00:00');
    await october(h);
    h.clock.set(shanghai('2026-10-01T18:00:00'));
    expect((await sweep(h)).fired).toBe(1);
    // As if the tick were retried: the timer is put back on it and swept again.
    const tick = Date.parse(iso('2026-10-01T18:00:00'));
    const timer = await h.db.knex('timers').where({ id: TIMER_ID }).first();
    await h.db
      .knex('timers')
      .where({ id: TIMER_ID })
      .update({ due_at: tick, payload: JSON.stringify({ ...readJson<object>(timer.payload), tick }) });
    h.clock.set(shanghai('2026-10-01T18:05:00'));
    expect((await sweep(h)).fired).toBe(1);
    expect(await rdTasks(h)).toHaveLength(2);
    expect(await h.db.knex('rule_firings').count({ n: '*' })).toEqual([{ n: 2 }]);
    expect(await h.db.knex('events').where({ type: 'rule.fired' }).count({ n: '*' })).toEqual([{ n: 2 }]);
    expect((await tickTimer(h))?.due).toBe(iso('2026-10-02T18:00:00'));
  });

  if (dialect === 'postgres') {
    it('runs a tick once when two processes sweep at the same time', async () => {
      const h = await appAt('2026-10-01T09:00:00');
      await october(h);
      h.clock.set(shanghai('2026-10-01T18:00:00'));
      const second = openDatabase(h.db.url);
      try {
        const other: RuntimeContext = { db: second, clock: h.clock, logger: memoryLogger() };
        const results = await Promise.all([
          sweepDueTimers(h.runtime, { workerId: 'a' }),
          sweepDueTimers(other, { workerId: 'b' }),
          sweepDueTimers(h.runtime, { workerId: 'c' }),
        ]);
        expect(results.reduce((n, r) => n + r.fired, 0)).toBe(1);
        expect(results.reduce((n, r) => n + r.failed, 0)).toBe(0);
      } finally {
        await second.close();
      }
      expect(await rdTasks(h)).toHaveLength(2);
      expect(await h.db.knex('events').where({ type: 'rule.scheduled-run' }).count({ n: '*' })).toEqual([
        { n: 1 },
      ]);
    });
  }

  it('runs once, for the latest missed tick as it stood then, after being down over three ticks', async () => {
    const h = await appAt('2026-10-01T09:00:00');
    await october(h);
    // Down from before Thursday's 18:00 tick until Sunday noon: the ticks of 1, 2 and 3 October are missed.
    // X300's third screen complaint comes in on Sunday morning, after the latest missed tick.
    await complaintsAt(h, shanghai('2026-10-04T10:00:00'), 'X300', 'screen');
    h.clock.set(shanghai('2026-10-04T12:00:00'));
    expect(await sweep(h)).toMatchObject({ fired: 1, handled: [{ id: TIMER_ID, outcome: 'fired' }] });
    const firings = (await h.db.knex('rule_firings').orderBy('idempotency_key')) as {
      idempotency_key: string;
      at: number;
    }[];
    expect(firings.map((f) => [f.idempotency_key, new Date(Number(f.at)).toISOString()])).toEqual([
      [`${RULE_KEY}|model=X100|2026-10`, iso('2026-10-03T18:00:00')],
      [`${RULE_KEY}|model=X200|2026-10`, iso('2026-10-03T18:00:00')],
    ]);
    const runs = await h.db.knex('events').where({ type: 'rule.scheduled-run' });
    expect(runs.map((r: { payload: unknown }) => readJson(r.payload))).toEqual([
      expect.objectContaining({
        tick: iso('2026-10-03T18:00:00'),
        skippedTicks: 2,
        next: iso('2026-10-04T18:00:00'),
      }),
    ]);
    expect((await tickTimer(h))?.due).toBe(iso('2026-10-04T18:00:00'));
    expect((await sweep(h)).handled).toEqual([]);
    // Sunday's own tick counts Sunday's complaint.
    h.clock.set(shanghai('2026-10-04T18:00:00'));
    expect((await sweep(h)).fired).toBe(1);
    expect((await rdTasks(h)).map((t) => t.model)).toEqual(['X100', 'X200', 'X300']);
  });

  it('still runs a monthly tick missed by days, once, for last month, then waits for next month', async () => {
    const h = await appAt('2026-10-01T09:00:00');
    await publishRule(h, {
      ...lastMonthReview,
      trigger: { ...lastMonthReview.trigger, schedule: { every: 'month', at: '08:30' } },
    });
    await october(h);
    h.clock.set(shanghai('2026-11-05T09:00:00'));
    expect((await sweep(h)).fired).toBe(1);
    const firings = (await h.db.knex('rule_firings').orderBy('idempotency_key')) as {
      idempotency_key: string;
      at: number;
    }[];
    expect(firings.map((f) => [f.idempotency_key, new Date(Number(f.at)).toISOString()])).toEqual([
      [`${RULE_KEY}|model=X100|2026-10`, iso('2026-11-01T08:30:00')],
      [`${RULE_KEY}|model=X200|2026-10`, iso('2026-11-01T08:30:00')],
    ]);
    expect((await tickTimer(h))?.due).toBe(iso('2026-12-01T08:30:00'));
  });

  it('reviews the last complete month on the 1st (calendar month, offset −1), not the new month’s first hours, as the dry run says', async () => {
    const h = await appAt('2026-10-01T09:00:00');
    const headers = await adminHeaders(h);
    await publishRule(h, lastMonthReview);
    expect((await tickTimer(h))?.due).toBe(iso('2026-11-01T09:00:00'));
    await october(h);
    // X300's third October complaint in the month's last half hour; X100's burst in November's first hours.
    await complaintsAt(h, shanghai('2026-10-31T23:30:00'), 'X300', 'screen');
    await complaintsAt(h, shanghai('2026-11-01T07:00:00'), 'X100', 'screen', 3);

    h.clock.set(shanghai('2026-11-01T09:00:00'));
    expect((await sweep(h)).fired).toBe(1);
    expect(await rdTasks(h)).toEqual([
      { title: 'X100 screen failures 2026-10', model: 'X100', month: '2026-10', count: 3 },
      { title: 'X200 screen failures 2026-10', model: 'X200', month: '2026-10', count: 4 },
      { title: 'X300 screen failures 2026-10', model: 'X300', month: '2026-10', count: 3 },
    ]);
    expect((await tickTimer(h))?.due).toBe(iso('2026-12-01T09:00:00'));

    // December's run reviews November: X100's early burst counts there, X200's one complaint does not.
    await complaintsAt(h, shanghai('2026-11-20T10:00:00'), 'X200', 'screen');
    h.clock.set(shanghai('2026-12-01T09:00:00'));
    expect((await sweep(h)).fired).toBe(1);
    expect((await rdTasks(h)).map((t) => `${t.model} ${t.month} ${t.count}`)).toEqual([
      'X100 2026-10 3',
      'X100 2026-11 3',
      'X200 2026-10 4',
      'X300 2026-10 3',
    ]);

    const dry = await h.request({
      method: 'POST',
      url: `/api/rules/${RULE_KEY}/dry-run`,
      headers,
      payload: { from: shanghai('2026-10-01T00:00:00'), to: shanghai('2026-12-02T00:00:00') },
    });
    expect(dry.status).toBe(200);
    const live = await h.request({ method: 'GET', url: `/api/rules/${RULE_KEY}/firings`, headers });
    const tasks = await rdTasks(h);
    const byTimeAndKey = (a: { at: string; key: string }, b: { at: string; key: string }) =>
      a.at.localeCompare(b.at) || a.key.localeCompare(b.key);
    const fromDry = (dry.body.firings as any[])
      .map((f) => ({
        key: f.key,
        at: f.at,
        window: f.window,
        records: [...f.records].sort(),
        task: f.actions[0].data,
      }))
      .sort(byTimeAndKey);
    const fromLive = (live.body.items as any[])
      .map((f) => ({
        key: f.key,
        at: f.at,
        window: f.window,
        records: [...f.records].sort(),
        task: tasks.find((t) => f.key === `${RULE_KEY}|model=${t.model}|${t.month}`),
      }))
      .sort(byTimeAndKey);
    expect(fromDry.map((f) => `${f.key} ${f.at}`)).toEqual([
      `${RULE_KEY}|model=X100|2026-10 ${iso('2026-11-01T09:00:00')}`,
      `${RULE_KEY}|model=X200|2026-10 ${iso('2026-11-01T09:00:00')}`,
      `${RULE_KEY}|model=X300|2026-10 ${iso('2026-11-01T09:00:00')}`,
      `${RULE_KEY}|model=X100|2026-11 ${iso('2026-12-01T09:00:00')}`,
    ]);
    expect(fromLive).toEqual(fromDry);
  });

  it('removes the timer when a disabled or unscheduled version is published, and drops a stale one', async () => {
    const h = await appAt('2026-10-01T09:00:00');
    await publishRule(h, { ...dailyRule, enabled: false });
    expect(await tickTimer(h)).toBeUndefined();
    h.clock.set(shanghai('2026-10-02T20:00:00'));
    await publishRule(h, dailyRule);
    expect((await tickTimer(h))?.due).toBe(iso('2026-10-03T18:00:00'));
    await publishRule(h, { ...dailyRule, trigger: { type: 'record.created', form: 'complaint' } });
    expect(await tickTimer(h)).toBeUndefined();

    // Ticks left behind — of a rule now disabled, of one that no longer exists — are deleted unrun.
    await publishRule(h, { ...dailyRule, enabled: false });
    const leftBehind = (id: string) => ({
      id,
      due_at: Date.parse(iso('2026-10-03T18:00:00')),
      kind: 'rule-tick',
      record_id: null,
      payload: JSON.stringify({
        rule: id.slice('rule-tick:'.length),
        tick: Date.parse(iso('2026-10-03T18:00:00')),
      }),
      attempts: 0,
      created_at: 0,
    });
    await h.db.knex('timers').insert([leftBehind(TIMER_ID), leftBehind('rule-tick:gone')]);
    await complaintsAt(h, shanghai('2026-10-03T17:00:00'), 'X200', 'screen', 3);
    h.clock.set(shanghai('2026-10-03T18:00:00'));
    expect(await sweep(h)).toMatchObject({ fired: 0, discarded: 2 });
    expect(await h.db.knex('timers').count({ n: '*' })).toEqual([{ n: 0 }]);
    expect(await rdTasks(h)).toEqual([]);
  });

  it('fires live exactly what the dry run says it would over the same history', async () => {
    const h = await appAt('2026-10-01T09:00:00');
    const headers = await adminHeaders(h);
    // Ten days of complaints: X200 one screen complaint a day, X100 one every third day, X300 batteries.
    for (let day = 1; day <= 10; day++) {
      const date = `2026-10-${String(day).padStart(2, '0')}`;
      await complaintsAt(h, shanghai(`${date}T10:00:00`), 'X200', 'screen');
      if (day % 3 === 0) await complaintsAt(h, shanghai(`${date}T11:00:00`), 'X100', 'screen');
      await complaintsAt(h, shanghai(`${date}T12:00:00`), 'X300', 'battery');
      // Swept a little after each tick, as a running sweeper would.
      h.clock.set(shanghai(`${date}T18:00:0${day % 10}`));
      expect((await sweep(h)).fired).toBe(1);
    }
    const dry = await h.request({
      method: 'POST',
      url: `/api/rules/${RULE_KEY}/dry-run`,
      headers,
      payload: { from: shanghai('2026-10-01T00:00:00'), to: shanghai('2026-10-11T00:00:00') },
    });
    expect(dry.status).toBe(200);
    const live = await h.request({ method: 'GET', url: `/api/rules/${RULE_KEY}/firings`, headers });
    const fromDry = (dry.body.firings as any[]).map((f) => ({
      key: f.key,
      at: f.at,
      window: f.window,
      records: [...f.records].sort(),
      task: f.actions[0].data,
    }));
    const tasks = await rdTasks(h);
    const fromLive = (live.body.items as any[])
      .map((f) => ({
        key: f.key,
        at: f.at,
        window: f.window,
        records: [...f.records].sort(),
        task: tasks.find((t) => f.key.includes(`model=${t.model}|`)),
      }))
      .sort((a, b) => a.at.localeCompare(b.at) || a.key.localeCompare(b.key));
    expect(fromDry.map((f) => f.key)).toEqual([
      `${RULE_KEY}|model=X200|2026-10`,
      `${RULE_KEY}|model=X100|2026-10`,
    ]);
    expect(fromLive).toEqual(fromDry);
  });
});
