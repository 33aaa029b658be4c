/**
 * @module `sla` effects: the `sla_clocks` row of the clock run (record, clock, run) mirrors the clock
 * after the step, and the effect itself is appended to the record's stream as `sla.<event>`
 * (`sla.started`, `sla.warning`, `sla.breached`, `sla.met`, …) — so warnings and breaches stay in the
 * timeline with both business and wall-clock elapsed minutes.
 *
 * Row states: `paused` while paused; once the clock has ended its outcome (`met`, `breached`,
 * `cancelled`); while it runs, `breached` once past its target, else `running`.
 */
import type { Knex } from 'knex';
import type { FlowSnapshot, SlaEffect } from '../../../engine';
import { appendStepEvent, type StepScope } from '../step-scope';

export type SlaRowState = 'running' | 'paused' | 'met' | 'breached' | 'cancelled';

type ClockState = FlowSnapshot['sla']['clocks'][number];

/** The row state after `effect`, read from the engine's event (and the clock when the snapshot has it). */
export function slaRowState(
  effect: SlaEffect,
  clock: ClockState | undefined,
  wasBreached: boolean,
): SlaRowState {
  const breached = wasBreached || clock?.breached === true || effect.event === 'breached';
  switch (effect.event) {
    case 'paused':
      return 'paused';
    case 'met':
      return 'met';
    case 'cancelled':
      return 'cancelled';
    case 'stopped':
      return effect.outcome === 'cancelled' ? 'cancelled' : effect.outcome === 'met' ? 'met' : 'breached';
    case 'breached':
      return 'breached';
    case 'retargeted':
      if (clock?.status === 'paused' || (clock === undefined && effect.due === null)) return 'paused';
      return breached ? 'breached' : 'running';
    default:
      // started, resumed, warning
      return breached ? 'breached' : 'running';
  }
}

/** The `sla_clocks` row `effect` leaves, as if it had never breached (the upsert folds that in). */
function slaRow(scope: StepScope, effect: SlaEffect, snapshot: FlowSnapshot) {
  const clock = snapshot.sla.clocks.find((c) => c.clock === effect.clock && c.run === effect.run);
  const key = { record_id: scope.recordId, clock: effect.clock, run: effect.run };
  const state = slaRowState(effect, clock, false);
  const due = effect.due === null ? null : Date.parse(effect.due);
  const endedAt = clock?.endedAt ? Date.parse(clock.endedAt) : null;
  return {
    ...key,
    stage: effect.stage,
    state,
    target_minutes: Math.round(effect.targetMinutes),
    started_at: clock ? Date.parse(clock.startedAt) : scope.now,
    due_at: due,
    original_due_at: due,
    stopped_at: endingEffect(effect) ? (endedAt ?? scope.now) : null,
    business_elapsed_minutes: effect.businessElapsedMinutes,
    wall_elapsed_minutes: effect.wallElapsedMinutes,
    paused_wall_minutes: clock?.pausedWallMinutes ?? 0,
    breached: state === 'breached' || clock?.breached === true,
    updated_at: scope.now,
  };
}

const endingEffect = (effect: SlaEffect) =>
  effect.event === 'met' || effect.event === 'stopped' || effect.event === 'cancelled';

/**
 * The columns an existing row takes from the effect. The first due instant stays as
 * `original_due_at`; an ended clock keeps the due it had (so "met 5 minutes early" can be read off
 * the row), a paused one has none. A breach stays recorded: a row that breached before keeps
 * `breached`, and a state that would read `running` (see `slaRowState`: only a clock not yet known to
 * be breached runs) reads `breached`.
 */
function mergedColumns(trx: Knex.Transaction, ending: boolean): Record<string, Knex.Raw> {
  const merged = [
    'stage',
    'target_minutes',
    'business_elapsed_minutes',
    'wall_elapsed_minutes',
    'paused_wall_minutes',
    'updated_at',
  ];
  if (!ending) merged.push('due_at', 'stopped_at');
  else merged.push('stopped_at');
  const update: Record<string, Knex.Raw> = Object.fromEntries(
    merged.map((column) => [column, trx.raw('excluded.??', [column])]),
  );
  update.breached = trx.raw('excluded.breached or sla_clocks.breached');
  update.state = trx.raw(
    "case when excluded.state = 'running' and sla_clocks.breached then 'breached' else excluded.state end",
  );
  return update;
}

/** `due_at` of an ended clock's row stays; of any other it follows the effect (see `mergedColumns`). */
function mergedColumnsOfMany(trx: Knex.Transaction, effects: SlaEffect[]): Record<string, Knex.Raw> {
  const endings = new Set(effects.map(endingEffect));
  if (endings.size === 1) return mergedColumns(trx, [...endings][0]!);
  // Ending and running clocks in one statement: the row's own ending decides, as it would alone.
  const update = mergedColumns(trx, false);
  update.due_at = trx.raw(
    'case when excluded.stopped_at is null then excluded.due_at else sla_clocks.due_at end',
  );
  return update;
}

/**
 * Upserts the rows of several SLA effects of distinct clock runs in one statement and appends their
 * events in order — exactly what `recordSla` does for each of them in turn.
 */
export async function recordSlaEffects(
  scope: StepScope,
  effects: SlaEffect[],
  snapshot: FlowSnapshot,
): Promise<void> {
  if (effects.length === 0) return;
  const { trx } = scope;
  const rows = effects.map((effect) => slaRow(scope, effect, snapshot));
  await trx('sla_clocks')
    .insert(rows)
    .onConflict(['record_id', 'clock', 'run'])
    .merge(mergedColumnsOfMany(trx, effects));
  for (const effect of effects) {
    const { type: _type, ...payload } = effect;
    await appendStepEvent(scope, {
      stream: 'record',
      streamId: scope.recordId,
      type: `sla.${effect.event}`,
      actor: scope.actor,
      at: scope.now,
      payload: { ...payload, form: scope.formKey },
    });
  }
}

export async function recordSla(scope: StepScope, effect: SlaEffect, snapshot: FlowSnapshot): Promise<void> {
  await recordSlaEffects(scope, [effect], snapshot);
}
