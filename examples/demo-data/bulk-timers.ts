/**
 * @module Many records with running SLA clocks and their pending timers, fast: copies of one seed
 * record that the product itself stored and stepped (its row, flow instance, SLA clock rows and timers),
 * written by one `INSERT … SELECT` per table over a recursive CTE (SQLite) or `generate_series`
 * (PostgreSQL) — a million timers without a million round trips. Every due instant of copy `n` (the
 * timers' `due_at`, the clocks' due, and the same instants inside the snapshot and the timer payloads,
 * which the engine compares when a timer fires) is the seed's moved by `shiftMs + (n % spreadSteps) *
 * stepMs`, so copies are due when the caller says, spread as it says. Ids keep the seed's UUID shape,
 * their first eight hex digits numbering the copy. The records' events (their timelines) are not copied.
 */
import type { Knex } from 'knex';
import type { Database } from '../../runtime/storage/open-database';

export interface CloneTimedRecordsOptions {
  /** A record with a flow instance, SLA clock rows and pending timers, stored by the product. */
  seedRecordId: string;
  copies: number;
  /** The number of the first copy (ids are unique across calls with disjoint ranges). */
  firstNumber: number;
  /** Every due instant of the seed moves by this much in every copy … */
  shiftMs: number;
  /** … plus `(n % spreadSteps) * stepMs` for copy n (default: no spread). */
  stepMs?: number;
  spreadSteps?: number;
}

export interface ClonedTimedRecords {
  records: number;
  timers: number;
}

/** The copies, numbered 0 … copies − 1: the seed's id, the copy's shift `s` and its id `cid`, per dialect. */
function copiesSource(dialect: Database['dialect']): string {
  if (dialect === 'postgres') {
    return (
      `(select seed.id as seed_id, (?::bigint + (g.i % ?::int) * ?::bigint) as s, ` +
      `lpad(to_hex(?::int + g.i), 8, '0') || substr(seed.id, 9) as cid ` +
      `from generate_series(0, ?::int - 1) as g(i), records seed where seed.id = ?) as n`
    );
  }
  return (
    `(with recursive k(i) as (select 0 union all select i + 1 from k where i + 1 < ?) ` +
    `select seed.id as seed_id, (? + (k.i % ?) * ?) as s, printf('%08x', ? + k.i) || substr(seed.id, 9) as cid ` +
    `from k, records seed where seed.id = ?) as n`
  );
}

/** The values bound by `copiesSource`, in its placeholders' order. */
function copiesBindings(dialect: Database['dialect'], o: CloneTimedRecordsOptions): Knex.RawBinding[] {
  const shift = [o.shiftMs, o.spreadSteps ?? 1, o.stepMs ?? 0];
  return dialect === 'postgres'
    ? [...shift, o.firstNumber, o.copies, o.seedRecordId]
    : [o.copies, ...shift, o.firstNumber, o.seedRecordId];
}

/** ISO text of epoch-ms expression `ms`, as `Date#toISOString` writes it. */
function isoOf(dialect: Database['dialect'], ms: string): string {
  return dialect === 'postgres'
    ? `to_char(to_timestamp((${ms}) / 1000.0) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
    : `strftime('%Y-%m-%dT%H:%M:%fZ', (${ms}) / 1000.0, 'unixepoch')`;
}

/**
 * `column` (JSON) with the seed's id replaced by the copy's and each of the seed's due instants (ISO
 * text) moved by the copy's shift.
 */
function shiftedJson(
  dialect: Database['dialect'],
  column: string,
  dues: number[],
): { sql: string; bindings: Knex.RawBinding[] } {
  let sql = dialect === 'postgres' ? `${column}::text` : column;
  sql = `replace(${sql}, n.seed_id, n.cid)`;
  const bindings: Knex.RawBinding[] = [];
  for (const due of dues) {
    sql = `replace(${sql}, ?, ${isoOf(dialect, `${due} + n.s`)})`;
    bindings.push(new Date(due).toISOString());
  }
  return { sql: dialect === 'postgres' ? `(${sql})::jsonb` : sql, bindings };
}

async function columnsOf(knex: Knex, table: string): Promise<string[]> {
  return Object.keys(await knex(table).columnInfo());
}

export async function cloneTimedRecords(
  db: Database,
  options: CloneTimedRecordsOptions,
): Promise<ClonedTimedRecords> {
  const { knex, dialect } = db;
  const dues = [
    ...new Set(
      (
        (await knex('timers').where({ record_id: options.seedRecordId }).select('due_at')) as {
          due_at: number;
        }[]
      ).map((t) => Number(t.due_at)),
    ),
  ];
  const source = copiesSource(dialect);
  const sourceBindings = copiesBindings(dialect, options);

  const q = (name: string) => `"${name}"`;
  // One statement per table: the seed's row joined with every numbered copy.
  const run = async (
    table: string,
    seedKey: string,
    replaced: Record<string, { sql: string; bindings: Knex.RawBinding[] }>,
    skip: string[] = [],
  ) => {
    const columns = (await columnsOf(knex, table)).filter((c) => !skip.includes(c));
    const select: string[] = [];
    const bindings: Knex.RawBinding[] = [];
    for (const column of columns) {
      const expr = replaced[column];
      if (expr) {
        select.push(expr.sql);
        bindings.push(...expr.bindings);
      } else select.push(`t.${q(column)}`);
    }
    const sql =
      `insert into ${q(table)} (${columns.map(q).join(', ')}) select ${select.join(', ')} ` +
      `from ${source} join ${q(table)} t on t.${q(seedKey)} = n.seed_id`;
    await knex.raw(sql, [...bindings, ...sourceBindings]);
  };
  const plain = (sql: string, ...bindings: Knex.RawBinding[]) => ({ sql, bindings });
  const movedMs = (column: string) => plain(`t.${q(column)} + n.s`);

  const restore = await bulkPragmas(db);
  try {
    await copyAll(run, plain, movedMs, dialect, dues);
  } finally {
    await restore();
  }
  const perRecord = (await knex('timers')
    .where({ record_id: options.seedRecordId })
    .count({ n: '*' })
    .first()) as {
    n: number | string;
  };
  return { records: options.copies, timers: options.copies * Number(perRecord.n) };
}

type Replaced = { sql: string; bindings: Knex.RawBinding[] };

/** The four tables in turn: the record, its flow instance, its clocks, its timers. */
async function copyAll(
  run: (table: string, seedKey: string, replaced: Record<string, Replaced>, skip?: string[]) => Promise<void>,
  plain: (sql: string) => Replaced,
  movedMs: (column: string) => Replaced,
  dialect: Database['dialect'],
  dues: number[],
): Promise<void> {
  await run('records', 'id', { id: plain('n.cid') });
  await run('flow_instances', 'record_id', {
    record_id: plain('n.cid'),
    snapshot: shiftedJson(dialect, 't.snapshot', dues),
  });
  await run(
    'sla_clocks',
    'record_id',
    { record_id: plain('n.cid'), due_at: movedMs('due_at'), original_due_at: movedMs('original_due_at') },
    ['id'],
  );
  await run('timers', 'record_id', {
    id: plain('replace(t.id, n.seed_id, n.cid)'),
    record_id: plain('n.cid'),
    due_at: movedMs('due_at'),
    payload: shiftedJson(dialect, 't.payload', dues),
  });
}

/**
 * SQLite: a large page cache and no fsync while the copies are written (as the demo loader does), so
 * index pages stay in memory; restored afterwards. The rows written are the same.
 */
async function bulkPragmas(db: Database): Promise<() => Promise<void>> {
  if (db.dialect !== 'sqlite') return async () => {};
  const read = async (pragma: string) =>
    Object.values(((await db.knex.raw(`PRAGMA ${pragma}`)) as Record<string, number>[])[0] ?? {})[0];
  const before = { synchronous: await read('synchronous'), cache_size: await read('cache_size') };
  await db.knex.raw('PRAGMA synchronous = OFF');
  await db.knex.raw('PRAGMA cache_size = -262144');
  return async () => {
    await db.knex.raw(`PRAGMA synchronous = ${Number(before.synchronous)}`);
    await db.knex.raw(`PRAGMA cache_size = ${Number(before.cache_size)}`);
  };
}
