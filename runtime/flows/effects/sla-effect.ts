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

export async function recordSla(scope: StepScope, effect: SlaEffect, snapshot: FlowSnapshot): Promise<void> {
  const { trx } = scope;
  const clock = snapshot.sla.clocks.find((c) => c.clock === effect.clock && c.run === effect.run);
  const key = { record_id: scope.recordId, clock: effect.clock, run: effect.run };
  // As if the row had never breached; the upsert below folds in a breach it already recorded.
  const state = slaRowState(effect, clock, false);
  const due = effect.due === null ? null : Date.parse(effect.due);
  const ending = effect.event === 'met' || effect.event === 'stopped' || effect.event === 'cancelled';
  const endedAt = clock?.endedAt ? Date.parse(clock.endedAt) : null;
  const row = {
    ...key,
    stage: effect.stage,
    state,
    target_minutes: Math.round(effect.targetMinutes),
    started_at: clock ? Date.parse(clock.startedAt) : scope.now,
    due_at: due,
    original_due_at: due,
    stopped_at: ending ? (endedAt ?? scope.now) : null,
    business_elapsed_minutes: effect.businessElapsedMinutes,
    wall_elapsed_minutes: effect.wallElapsedMinutes,
    paused_wall_minutes: clock?.pausedWallMinutes ?? 0,
    breached: state === 'breached' || clock?.breached === true,
    updated_at: scope.now,
  };
  const merged: (keyof typeof row)[] = [
    'stage',
    'target_minutes',
    'business_elapsed_minutes',
    'wall_elapsed_minutes',
    'paused_wall_minutes',
    'updated_at',
  ];
  // The first due instant stays as `original_due_at`; an ended clock keeps the due it had (so "met
  // 5 minutes early" can be read off the row), a paused one has none.
  if (!ending) merged.push('due_at', 'stopped_at');
  else merged.push('stopped_at');
  const update: Record<string, Knex.Raw> = Object.fromEntries(
    merged.map((column) => [column, trx.raw('excluded.??', [column])]),
  );
  // A breach stays recorded: a row that breached before keeps `breached`, and a state that would
  // read `running` (see `slaRowState`: only a clock not yet known to be breached runs) reads `breached`.
  update.breached = trx.raw('excluded.breached or sla_clocks.breached');
  update.state = trx.raw(
    "case when excluded.state = 'running' and sla_clocks.breached then 'breached' else excluded.state end",
  );
  await trx('sla_clocks').insert(row).onConflict(['record_id', 'clock', 'run']).merge(update);
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
