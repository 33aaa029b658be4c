/**
 * Properties of stepping the fixture flows with random sequences of the events their stages offer,
 * timer deliveries and priority changes: snapshots are always plain JSON, no timer is ever scheduled in
 * the past, no SLA timer outlives its clock and no delayed-transition timer outlives its stage.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFlow, type FlowEffect, type FlowSnapshot } from '../../../engine/flows';
import { calendarsFor, fixtureFlow } from './flow-test-kit';

const FIELDS = {
  category: 'fault',
  severity: 'major',
  solution: 'swap part',
  fixReport: 'done',
  fixVerified: true,
  satisfaction: 4,
};

const command = fc.oneof(
  fc.record({
    kind: fc.constant('event' as const),
    pick: fc.nat(),
    minutes: fc.integer({ min: 0, max: 900 }),
    fill: fc.subarray(Object.keys(FIELDS)),
  }),
  fc.record({
    kind: fc.constant('fire' as const),
    pick: fc.nat(),
    minutes: fc.integer({ min: 0, max: 60 }),
    // Delayed-transition timers are few among the SLA ones; favour them half the time.
    afterFirst: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('redeliver' as const),
    pick: fc.nat(),
    minutes: fc.integer({ min: 0, max: 60 }),
  }),
  fc.record({
    kind: fc.constant('priority' as const),
    priority: fc.constantFrom('urgent', 'high', 'normal'),
    tier: fc.constantFrom('vip', 'key', 'standard'),
    minutes: fc.integer({ min: 0, max: 300 }),
  }),
);

describe.each(['ticket-sop.flow.json', 'auto-close.flow.json'])('stepping %s at random', (file) => {
  const def = fixtureFlow(file);
  const flow = createFlow(def, { calendars: calendarsFor(def, 'cn-2026') });

  it('keeps snapshots JSON, never schedules into the past, and lets no timer outlive its clock or stage', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('vip', 'key', 'standard'),
        fc.constantFrom('urgent', 'high', 'normal'),
        fc.integer({ min: 0, max: 14 * 24 * 60 }),
        fc.array(command, { maxLength: 40 }),
        (tier, priority, offset, commands) => {
          let now = Date.parse('2026-03-02T00:00:00Z') + offset * 60_000;
          const started = flow.start({ data: {}, tier, priority }, new Date(now));
          let snapshot: FlowSnapshot = started.snapshot;
          const pending = new Map<
            string,
            { due: number; event: Record<string, unknown> & { type: string } }
          >();
          // Timers delivered or cancelled: the runtime may still deliver one late (a row it failed to delete).
          const gone = new Map<string, { due: number; event: Record<string, unknown> & { type: string } }>();

          const apply = (effects: FlowEffect[], at: number) => {
            for (const effect of effects) {
              if (effect.type === 'schedule-timer') {
                expect(Date.parse(effect.due)).toBeGreaterThanOrEqual(at);
                expect(pending.has(effect.id), `timer ${effect.id} scheduled twice`).toBe(false);
                pending.set(effect.id, { due: Date.parse(effect.due), event: effect.event });
              } else if (effect.type === 'cancel-timer') {
                expect(pending.has(effect.id), `cancelled unknown timer ${effect.id}`).toBe(true);
                gone.set(effect.id, pending.get(effect.id)!);
                pending.delete(effect.id);
              }
            }
            // Once a clock run has stopped, none of its timers may still be pending.
            for (const effect of effects) {
              if (effect.type === 'sla' && ['met', 'stopped', 'cancelled'].includes(effect.event)) {
                const prefix = `${effect.clock}:${effect.run}:`;
                expect([...pending.keys()].filter((id) => id.startsWith(prefix))).toEqual([]);
              }
            }
          };
          const checkSnapshot = (s: FlowSnapshot) => {
            expect(JSON.parse(JSON.stringify(s))).toEqual(s);
            // Delayed-transition timers still pending are the current stage's, and the snapshot knows them.
            const after = [...pending.keys()].filter((id) => id.startsWith('after:'));
            for (const id of after) expect(id.startsWith(`after:${s.stage}:`), id).toBe(true);
            expect(new Set(after)).toEqual(new Set((s.after?.timers ?? []).map((t) => t.id)));
          };

          apply(started.effects, now);
          checkSnapshot(snapshot);
          for (const c of commands) {
            now += c.minutes * 60_000;
            let result;
            if (c.kind === 'event') {
              const offered = flow.events(snapshot);
              if (offered.length === 0) continue;
              const choice = offered[c.pick % offered.length]!;
              const data = Object.fromEntries(c.fill.map((k) => [k, FIELDS[k as keyof typeof FIELDS]]));
              result = flow.send(snapshot, { type: choice.event, data }, new Date(now));
            } else if (c.kind === 'fire') {
              const all = [...pending.entries()];
              const after = all.filter(([id]) => id.startsWith('after:'));
              const timers = c.afterFirst && after.length > 0 ? after : all;
              if (timers.length === 0) continue;
              const [id, timer] = timers[c.pick % timers.length]!;
              now = Math.max(now, timer.due);
              result = flow.send(snapshot, timer.event, new Date(now));
              // A delivered timer is gone whether it mattered or was stale.
              if (result.ok && !result.ignored) {
                pending.delete(id);
                gone.set(id, timer);
              }
            } else if (c.kind === 'redeliver') {
              const timers = [...gone.values()];
              if (timers.length === 0) continue;
              const timer = timers[c.pick % timers.length]!;
              now = Math.max(now, timer.due);
              const late = flow.send(snapshot, timer.event, new Date(now));
              // A timer delivered twice, or after its cancel, changes nothing.
              expect(late).toMatchObject({ ok: true, ignored: 'stale-timer', effects: [] });
              expect(late.snapshot).toBe(snapshot);
              continue;
            } else {
              result = flow.send(
                snapshot,
                { type: 'priority.changed', priority: c.priority, tier: c.tier },
                new Date(now),
              );
            }
            if (!result.ok) {
              expect(result.snapshot).toBe(snapshot);
              expect(result.issues.length).toBeGreaterThan(0);
              continue;
            }
            apply(result.effects, now);
            snapshot = JSON.parse(JSON.stringify(result.snapshot)) as FlowSnapshot;
            checkSnapshot(result.snapshot);
          }
          // Pending timers all belong to clocks still live, or to the current stage's delayed transitions.
          const live = new Set([
            ...snapshot.sla.clocks
              .filter((k) => k.status === 'running')
              .flatMap((k) => k.timers.map((t) => t.id)),
            ...(snapshot.after?.timers ?? []).map((t) => t.id),
          ]);
          expect(new Set(pending.keys())).toEqual(live);
          if (snapshot.status === 'done') expect(pending.size).toBe(0);
        },
      ),
      { numRuns: 150 },
    );
  });
});
