/**
 * @module Response schemas of the rules API, typed against the engine's `DryRunResult` (its firings,
 * the `RuleEvent` behind each, the window and the resolved actions) and the firing history's
 * `FiringView` (the same group and window as a dry-run firing). Group values, aggregates and mapped
 * field values are user data.
 */
import type { DryRunFiring, DryRunResult, ResolvedAction, RuleEvent, WindowInfo } from '../../../engine';
import type { FiringView, FiringWindow } from '../../rules/firing-history';
import { schemaRef, type JsonObject } from './openapi-parts';
import {
  arrayOf,
  closedObject,
  isoInstant,
  mapOf,
  nullable,
  nullableOf,
  stringList,
  userData,
} from './schema-builders';

/** `POST /api/rules/:key/dry-run` answers the engine's result with the rule and the period. */
export type DryRunAnswer = { rule: string; version: number; from: string; to: string } & DryRunResult;

type ActionOf<T extends ResolvedAction['type']> = Extract<ResolvedAction, { type: T }>;
type EventOf<T extends RuleEvent['type']> = Extract<RuleEvent, { type: T }>;
type Target = ActionOf<'start-flow'>['target'];
type Recipient = ActionOf<'assign'>['assignee'];
/** A linked set-fields target; a dry run adds the record it found or why it found none. */
type LinkedTargetShown = Extract<ActionOf<'set-fields'>['target'], { kind: 'linked' }> & {
  writesTo?: string;
  refused?: string;
};

const constant = (value: string): JsonObject => ({ const: value });
const idempotencyKey = { type: 'string', description: '`<firing key>#<action index>`' };
const target = schemaRef('ActionTarget');
const groupValues = mapOf(true, 'The group’s field values (user data)');

const ruleEvents: JsonObject[] = [
  closedObject<EventOf<'record.created' | 'record.updated'>>(
    {
      type: { enum: ['record.created', 'record.updated'] },
      form: { type: 'string' },
      recordId: { type: 'string' },
      at: isoInstant,
    },
    { recordId: true },
  ),
  closedObject<EventOf<'stage.entered'>>(
    {
      type: constant('stage.entered'),
      form: { type: 'string' },
      stage: { type: 'string' },
      flow: { type: 'string' },
      recordId: { type: 'string' },
      at: isoInstant,
    },
    { flow: true, recordId: true },
  ),
  closedObject<EventOf<'sla.warning' | 'sla.breach'>>(
    {
      type: { enum: ['sla.warning', 'sla.breach'] },
      form: { type: 'string' },
      stage: { type: 'string' },
      flow: { type: 'string' },
      recordId: { type: 'string' },
      at: isoInstant,
    },
    { stage: true, flow: true, recordId: true },
  ),
  closedObject<EventOf<'schedule'>>(
    { type: constant('schedule'), rule: { type: 'string' }, at: isoInstant },
    { rule: true },
  ),
];

const resolvedActions: JsonObject[] = [
  closedObject<ActionOf<'create-record'>>(
    {
      type: constant('create-record'),
      form: { type: 'string' },
      data: userData('The mapped field values'),
      idempotencyKey,
    },
    {},
  ),
  closedObject<ActionOf<'start-flow'>>(
    { type: constant('start-flow'), flow: { type: 'string' }, target, idempotencyKey },
    {},
  ),
  closedObject<ActionOf<'set-fields'>>(
    {
      type: constant('set-fields'),
      target: { oneOf: [target, schemaRef('LinkedActionTarget')] },
      values: userData('The evaluated field values'),
      idempotencyKey,
    },
    {},
  ),
  closedObject<ActionOf<'assign'>>(
    { type: constant('assign'), target, assignee: schemaRef('ActionRecipient'), idempotencyKey },
    {},
  ),
  closedObject<ActionOf<'notify'>>(
    {
      type: constant('notify'),
      to: arrayOf(schemaRef('ActionRecipient')),
      text: schemaRef('Text'),
      idempotencyKey,
    },
    {},
  ),
  closedObject<ActionOf<'webhook'>>(
    {
      type: constant('webhook'),
      url: { type: 'string' },
      secretRef: { type: 'string' },
      payload: closedObject<ActionOf<'webhook'>['payload']>(
        {
          rule: { type: 'string' },
          key: { type: 'string' },
          group: groupValues,
          window: nullableOf(schemaRef('RuleWindow')),
          recordId: nullable('string'),
          aggregates: mapOf(true),
          at: isoInstant,
        },
        {},
      ),
      idempotencyKey,
    },
    { secretRef: true },
  ),
];

export function ruleSchemas(): Record<string, JsonObject> {
  return {
    DryRunResult: closedObject<DryRunAnswer>(
      {
        rule: { type: 'string' },
        version: { type: 'integer', description: 'The rule version run (0 for the draft)' },
        from: { type: 'string' },
        to: { type: 'string' },
        firings: arrayOf(schemaRef('DryRunFiring')),
        evaluated: { type: 'integer', description: 'Events that matched the trigger and were evaluated' },
        suppressed: closedObject<DryRunResult['suppressed']>(
          { duplicate: { type: 'integer' }, cooldown: { type: 'integer' } },
          {},
          'Condition true but not fired: the key had fired already, or a cool-down was in force',
        ),
      },
      {},
    ),
    DryRunFiring: closedObject<DryRunFiring>(
      {
        key: { type: 'string', description: 'The idempotency key (rule, group, window)' },
        group: groupValues,
        window: nullableOf(schemaRef('RuleWindow')),
        at: isoInstant,
        event: schemaRef('RuleEvent'),
        recordId: nullable('string'),
        records: { ...stringList, description: 'The records behind the firing' },
        aggregates: mapOf(nullable('number'), 'Each declared aggregate’s value'),
        actions: arrayOf(schemaRef('ResolvedAction'), 'What it would have done'),
      },
      {},
    ),
    RuleEvent: { oneOf: ruleEvents, description: 'The event a rule was evaluated on' },
    RuleWindow: closedObject<WindowInfo>(
      {
        key: { type: 'string', description: '`2026-10-07`, `2026-W41`, `2026-10`, `rolling30:2026-10-07`' },
        start: { ...isoInstant, description: 'First instant inside the window' },
        end: { ...isoInstant, description: 'First instant after the window' },
      },
      {},
    ),
    ResolvedAction: { oneOf: resolvedActions, description: 'A rule action with its mappings evaluated' },
    ActionTarget: {
      oneOf: [
        closedObject<Extract<Target, { kind: 'record' }>>(
          { kind: constant('record'), id: { type: 'string' } },
          {},
        ),
        closedObject<Extract<Target, { kind: 'created' }>>(
          {
            kind: constant('created'),
            action: { type: 'integer', description: 'Index of the create action' },
          },
          {},
        ),
      ],
    },
    LinkedActionTarget: closedObject<LinkedTargetShown>(
      {
        kind: constant('linked'),
        id: { ...nullable('string'), description: 'The id in the triggering record’s first field' },
        hops: arrayOf(
          closedObject<LinkedTargetShown['hops'][number]>(
            { field: { type: 'string' }, form: { type: 'string' } },
            {},
            'A field holding the next record’s id, and the form that record must be',
          ),
        ),
        writesTo: { type: 'string', description: 'Dry run: the record it would write to, as stored now' },
        refused: { type: 'string', description: 'Dry run: why it would be refused' },
      },
      { writesTo: true, refused: true },
      'Another record a set-fields action writes to, reached by ids held in fields',
    ),
    ActionRecipient: {
      oneOf: [
        closedObject<Extract<Recipient, { user: string | null }>>(
          { user: nullable('string'), field: { type: 'string' } },
          { field: true },
        ),
        closedObject<Extract<Recipient, { role: string }>>({ role: { type: 'string' } }, {}),
        closedObject<Extract<Recipient, { lookup: unknown }>>(
          {
            lookup: closedObject<Extract<Recipient, { lookup: unknown }>['lookup']>(
              {
                form: { type: 'string', description: 'The form whose records are looked up' },
                match: mapOf(
                  { type: ['string', 'number', 'boolean', 'null'] },
                  'Lookup-form field → the value read from the record (null matches nothing)',
                ),
                field: { type: 'string', description: 'The field of the found record holding the user id' },
              },
              {},
            ),
          },
          {},
          'The user in `field` of the most recently updated `form` record whose fields equal `match`',
        ),
      ],
    },
    RuleFiring: closedObject<FiringView>(
      {
        key: { type: 'string', description: 'The idempotency key (rule, group, window)' },
        version: { type: 'integer' },
        group: groupValues,
        groupKey: {
          type: 'string',
          description: 'The group as in the key: `model=X200`, `*` without group fields',
        },
        window: {
          oneOf: [
            schemaRef('RuleWindow'),
            closedObject<Extract<FiringWindow, { start: null }>>(
              { key: { type: 'string' }, start: { type: 'null' }, end: { type: 'null' } },
              {},
              'A window stored only as its key (before migration 0006) that no version of the rule can place',
            ),
            { type: 'null' },
          ],
          description: 'As in the dry run; null without aggregates',
        },
        at: isoInstant,
        records: { ...stringList, description: 'The records behind the firing' },
        created: arrayOf(schemaRef('FiringOutcome'), 'What each action did'),
      },
      {},
    ),
    FiringOutcome: {
      type: 'object',
      description:
        'What one action of a firing did: `create-record` with the new record’s id, a requested action, or a refusal (`…-refused`)',
      required: ['type'],
      properties: {
        type: {
          type: 'string',
          description: '`create-record`, `set-fields`, `assign`, `notify`, `webhook`, `…-refused`, …',
        },
        id: { type: 'string', description: 'The record (or webhook delivery) made or acted on' },
        problems: {
          type: 'array',
          items: { type: 'string' },
          description: 'On a `…-refused` outcome: why, as `<path> <code>` per issue or a sentence',
        },
      },
      additionalProperties: false,
    },
  };
}
