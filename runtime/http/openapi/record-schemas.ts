/**
 * @module Response schemas of the records API and the inbox, each typed against the view it describes:
 * `RecordView` (`runtime/records/record-rows.ts`), `RecordDetail`, `TimelineEntry` and `RecordSla`
 * (`runtime/records/read-record.ts`), the engine's `ClockView` and clock history, and `TaskItem`
 * (`runtime/records/list-tasks.ts`). Only the record's `data` and an event's `payload` are open.
 */
import type { ClockExplanation, ClockView, FlowEventInfo, FlowSnapshot } from '../../../engine';
import type { SlaLevel as TaskSlaLevel, TaskItem } from '../../records/list-tasks';
import type { RecordPage } from '../../records/list-records';
import type { RecordDetail, RecordSla, SlaReading, TimelineEntry } from '../../records/read-record';
import type { RecordView } from '../../records/record-rows';
import { schemaRef, type JsonObject } from './openapi-parts';
import {
  arrayOf,
  closedObject,
  enumOf,
  isoInstant,
  nullable,
  nullableInstant,
  stringList,
  userData,
  type PropertiesOf,
} from './schema-builders';

type SlaClockDetail = RecordSla['clocks'][number];
type ClockHistoryLine = ClockExplanation['history'][number];
type ClockState = SlaReading['state'];

const minutes = (description?: string): JsonObject => ({
  type: 'number',
  ...(description ? { description } : {}),
});
const clockOutcome = enumOf<NonNullable<ClockView['outcome']>>();
const clockState = enumOf<ClockState>()(['running', 'paused', 'met', 'breached', 'cancelled'], {});

const recordViewProperties: PropertiesOf<RecordView> = {
  id: { type: 'string' },
  form: { type: 'string', description: 'The form key' },
  formVersion: { type: 'integer', description: 'The form version the record is pinned to' },
  revision: { type: 'integer', description: 'Bumped by every change; send it as `If-Match`' },
  stage: nullable('string'),
  assignee: nullable('string'),
  customer: nullable('string'),
  team: nullable('string'),
  data: userData('Field values, as the form defines them'),
  createdAt: isoInstant,
  createdBy: nullable('string'),
  updatedAt: isoInstant,
  updatedBy: nullable('string'),
  resolvedAt: nullableInstant,
  flow: {
    ...closedObject<NonNullable<RecordView['flow']>>(
      {
        key: { type: 'string' },
        version: { type: 'integer' },
        status: enumOf<FlowSnapshot['status']>()(['active', 'done']),
      },
      {},
      'The flow the record is pinned to; null without one',
    ),
    type: ['object', 'null'],
  },
};

const slaReadingProperties: PropertiesOf<SlaReading> = {
  clock: { type: 'string', description: 'The SLA policy key' },
  run: { type: 'integer', description: '1 for the first run; a stage entered again starts run 2' },
  status: enumOf<ClockView['status']>()(['running', 'paused', 'stopped', 'cancelled']),
  state: { ...clockState, description: 'As `sla_clocks` names it' },
  startedAt: isoInstant,
  startedIn: { type: 'string', description: 'The stage the clock started in' },
  calendar: { type: 'string', description: 'The business calendar key' },
  targetMinutes: minutes('Business minutes allowed'),
  due: {
    ...nullableInstant,
    description: 'When it breaches if nothing changes; null while paused or stopped',
  },
  businessElapsedMinutes: minutes(),
  wallElapsedMinutes: minutes(),
  remainingBusinessMinutes: minutes('Negative once late'),
  pausedWallMinutes: minutes(),
  pausedBusinessMinutes: minutes(),
  warned: arrayOf({ type: 'number' }, 'The warning fractions reached'),
  breached: { type: 'boolean' },
  outcome: clockOutcome(['met', 'breached', 'cancelled'], { nullable: true }),
  endedAt: nullableInstant,
};

const historyLine = closedObject<ClockHistoryLine>(
  {
    event: enumOf<ClockHistoryLine['event']>()([
      'started',
      'paused',
      'resumed',
      'warning',
      'warning-skipped',
      'breached',
      'retargeted',
      'met',
      'stopped',
      'cancelled',
    ]),
    run: { type: 'integer' },
    at: isoInstant,
    stage: { type: 'string' },
    due: nullableInstant,
    targetMinutes: minutes(),
    businessElapsedMinutes: minutes(),
    wallElapsedMinutes: minutes(),
    fraction: { type: 'number', description: 'On warnings: the fraction of the target used' },
    previousTargetMinutes: minutes('On `retargeted`'),
    previousDue: { ...nullableInstant, description: 'On `retargeted`' },
    mode: enumOf<NonNullable<ClockHistoryLine['mode']>>()(['restart', 'keep-elapsed']),
    outcome: clockOutcome(['met', 'breached', 'cancelled']),
  },
  { fraction: true, previousTargetMinutes: true, previousDue: true, mode: true, outcome: true },
  'One line of a clock’s history with both elapsed figures at that moment',
);

const slaClock = closedObject<SlaClockDetail>(
  {
    ...slaReadingProperties,
    warnings: arrayOf(
      closedObject<SlaClockDetail['warnings'][number]>(
        {
          fraction: nullable('number'),
          at: isoInstant,
          businessElapsedMinutes: minutes(),
          wallElapsedMinutes: minutes(),
        },
        {},
      ),
    ),
    breaches: arrayOf(
      closedObject<SlaClockDetail['breaches'][number]>(
        {
          at: isoInstant,
          due: nullableInstant,
          businessElapsedMinutes: minutes(),
          wallElapsedMinutes: minutes(),
        },
        {},
      ),
    ),
    history: arrayOf(schemaRef('ClockHistoryLine'), 'This run’s history'),
  },
  {},
  'A live reading of one clock run, explained',
);

const recordDetailProperties: PropertiesOf<Required<RecordDetail>> = {
  ...recordViewProperties,
  sla: arrayOf(schemaRef('SlaReading'), 'Live readings of the SLA clocks (empty without a flow)'),
  events: arrayOf(schemaRef('FlowEventInfo'), 'Events the current stage accepts'),
  timeline: arrayOf(schemaRef('TimelineEntry'), 'Every event of the record, oldest first'),
};
const { timeline: _timeline, ...recordProperties } = recordDetailProperties;

export function recordSchemas(): Record<string, JsonObject> {
  return {
    RecordView: closedObject<RecordView>(recordViewProperties, {}, 'A record as lists show it'),
    Record: closedObject<Omit<RecordDetail, 'timeline'>>(
      recordProperties,
      {},
      'A record with its live SLA readings and the events its stage accepts',
    ),
    RecordDetail: closedObject<Required<RecordDetail>>(
      recordDetailProperties,
      {},
      'A record with its timeline',
    ),
    RecordPage: closedObject<RecordPage>(
      {
        items: arrayOf(schemaRef('RecordView')),
        nextCursor: { type: ['string', 'null'], description: 'Pass as `cursor` for the next page' },
      },
      {},
    ),
    TimelineEntry: closedObject<TimelineEntry>(
      {
        id: { type: 'integer', description: 'The event id' },
        type: { type: 'string', description: '`record.created`, `stage.entered`, `sla.warning`, …' },
        at: isoInstant,
        actor: nullable('string'),
        payload: userData('What the event carries; its shape depends on `type`'),
      },
      {},
    ),
    FlowEventInfo: closedObject<FlowEventInfo>(
      {
        event: { type: 'string' },
        target: { type: 'string', description: 'The stage it leads to' },
        guard: { type: 'string', description: 'The named guard that must hold' },
        roles: { ...stringList, description: 'Roles allowed to send it' },
      },
      { target: true, guard: true, roles: true },
    ),
    SlaReading: closedObject<SlaReading>(slaReadingProperties, {}, 'A live reading of one clock run'),
    ClockHistoryLine: historyLine,
    SlaClock: slaClock,
    RecordSla: closedObject<RecordSla>(
      {
        recordId: { type: 'string' },
        stage: nullable('string'),
        at: { ...isoInstant, description: 'The instant of the readings' },
        clocks: arrayOf(schemaRef('SlaClock')),
      },
      {},
    ),
    Task: closedObject<TaskItem>(
      {
        id: { type: 'string' },
        form: { type: 'string' },
        stage: nullable('string'),
        assignee: nullable('string'),
        customer: nullable('string'),
        createdAt: isoInstant,
        data: userData('Field values'),
        sla: {
          ...closedObject<NonNullable<TaskItem['sla']>>(
            {
              clock: { type: 'string' },
              state: { enum: ['running', 'paused'] satisfies ClockState[] },
              dueAt: nullableInstant,
              breached: { type: 'boolean' },
              warnAt: {
                ...nullableInstant,
                description: 'When its next warning fires; null when none is pending',
              },
              level: {
                ...enumOf<TaskSlaLevel>()(['on-time', 'warning', 'breached', 'paused']),
                description: 'Its level at the server’s `serverTime`',
              },
            },
            {},
            'The running or paused clock due soonest; null when none runs',
          ),
          type: ['object', 'null'],
        },
      },
      {},
    ),
  };
}
