/**
 * @module The meta-schema of a threshold rule: trigger + condition over the record, its previous
 * version and declared aggregates (over a calendar window, possibly looking back by an offset, or a
 * rolling one) + actions, with an optional cool-down. Every union (triggers, windows, measures,
 * actions) is `oneOf` + `discriminator`, so Ajv names the bad variant.
 */
import type { FromSchema } from 'json-schema-to-ts';
import {
  definitionHeaderProperties,
  definitionKeySchema,
  fieldKeySchema,
  localizedTextSchema,
  logicSchema,
} from '../definitions/common-schemas';

/** Name of a declared aggregate, read in expressions as `aggregates.<name>`. */
export const aggregateNameSchema = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]{0,63}$' } as const;

const stageNameSchema = { type: 'string', minLength: 1, maxLength: 100 } as const;

/** `09:00` … `23:59`, wall time in the rule's time zone. */
const hhmmSchema = { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' } as const;

export const ruleTriggerSchema = {
  type: 'object',
  discriminator: { propertyName: 'type' },
  oneOf: [
    {
      type: 'object',
      properties: { type: { const: 'record.created' }, form: definitionKeySchema },
      required: ['type', 'form'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { type: { const: 'record.updated' }, form: definitionKeySchema },
      required: ['type', 'form'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: {
        type: { const: 'stage.entered' },
        form: definitionKeySchema,
        /** The flow whose stage is meant; lets the check confirm the stage exists. */
        flow: definitionKeySchema,
        stage: stageNameSchema,
      },
      required: ['type', 'form', 'stage'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: {
        type: { const: 'sla.warning' },
        form: definitionKeySchema,
        flow: definitionKeySchema,
        stage: stageNameSchema,
      },
      required: ['type', 'form'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: {
        type: { const: 'sla.breach' },
        form: definitionKeySchema,
        flow: definitionKeySchema,
        stage: stageNameSchema,
      },
      required: ['type', 'form'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: {
        type: { const: 'schedule' },
        /** The form whose aggregates the schedule checks; groups are enumerated from its records. */
        form: definitionKeySchema,
        schedule: {
          type: 'object',
          properties: { every: { enum: ['day', 'week', 'month'] }, at: hhmmSchema },
          required: ['every', 'at'],
          additionalProperties: false,
        },
      },
      required: ['type', 'form', 'schedule'],
      additionalProperties: false,
    },
  ],
} as const;

/**
 * Which records an aggregate counts, placed by their date (`dateField`, else creation) in the rule's
 * zone. `calendar`: a local day, ISO week (Monday first) or month. Its `offset` (−12 … 0, default 0)
 * picks the window relative to the evaluation's moment: 0 the one containing it, −1 the one before
 * ("last month", "yesterday", "last week"), −2 the one before that. The moment is the tick for a
 * scheduled rule and the triggering record's date for an event-triggered one, so there too −1 means
 * the window before the one the record's date falls in (e.g. last month's count beside this month's).
 * `rolling`: the N local days ending on the moment's date; it has no offset (an unknown key there).
 */
export const ruleWindowSchema = {
  type: 'object',
  discriminator: { propertyName: 'type' },
  oneOf: [
    {
      type: 'object',
      properties: {
        type: { const: 'calendar' },
        unit: { enum: ['day', 'week', 'month'] },
        offset: { type: 'integer', minimum: -12, maximum: 0 },
      },
      required: ['type', 'unit'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { type: { const: 'rolling' }, days: { type: 'integer', minimum: 1, maximum: 366 } },
      required: ['type', 'days'],
      additionalProperties: false,
    },
  ],
} as const;

export const aggregateMeasureSchema = {
  type: 'object',
  discriminator: { propertyName: 'op' },
  oneOf: [
    { type: 'object', properties: { op: { const: 'count' } }, required: ['op'], additionalProperties: false },
    {
      type: 'object',
      properties: { op: { const: 'sum' }, field: fieldKeySchema },
      required: ['op', 'field'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { op: { const: 'avg' }, field: fieldKeySchema },
      required: ['op', 'field'],
      additionalProperties: false,
    },
  ],
} as const;

export const aggregateDefinitionSchema = {
  type: 'object',
  properties: {
    form: definitionKeySchema,
    measure: aggregateMeasureSchema,
    /** JSON-Logic over one record's data; records it is false for are not counted. */
    filter: logicSchema,
    window: ruleWindowSchema,
    groupBy: { type: 'array', items: fieldKeySchema, maxItems: 5, uniqueItems: true },
    /** The field whose date places a record in a window; default: when the record was created. */
    dateField: fieldKeySchema,
  },
  required: ['form', 'measure', 'window'],
  additionalProperties: false,
} as const;

/**
 * A user found in reference data: the user id in field `field` of the `form` record whose fields equal
 * the values of the record the action reads (`match`: lookup-form field → that record's field; the
 * target record for assign, the triggering record for notify), e.g. the owner of a product line. When
 * several records match, the most recently updated one wins; a match value that is empty matches none.
 */
export const lookupRecipientSchema = {
  type: 'object',
  properties: {
    form: definitionKeySchema,
    match: {
      type: 'object',
      propertyNames: fieldKeySchema,
      additionalProperties: fieldKeySchema,
      minProperties: 1,
      maxProperties: 4,
    },
    field: fieldKeySchema,
  },
  required: ['form', 'match', 'field'],
  additionalProperties: false,
} as const;

/**
 * Who an assignment or notification goes to: a user, everyone in a role, the user in a field, or the
 * user a lookup in another form's records finds (`lookupRecipientSchema`).
 */
export const recipientSchema = {
  type: 'object',
  oneOf: [
    {
      type: 'object',
      properties: { user: { type: 'string', minLength: 1 } },
      required: ['user'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { role: { type: 'string', minLength: 1 } },
      required: ['role'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { field: fieldKeySchema },
      required: ['field'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { lookup: lookupRecipientSchema },
      required: ['lookup'],
      additionalProperties: false,
    },
  ],
} as const;

/**
 * Which record an action acts on: `record` is the one that triggered the rule, `created` the one
 * made by the nearest create-record action before it (the default when there is one).
 */
const actionTargetSchema = { enum: ['record', 'created'] } as const;

/**
 * Another stored record a `set-fields` action writes to, reached from the triggering record by ids
 * held in fields: `via[0]` is the triggering record's field holding the target's id; a second entry
 * hops once more, to the id in that field of the record the first reaches (of form `through`), e.g.
 * a survey's ticket (`via: ["ticket"]`) or that ticket's customer (`via: ["ticket", "customer"]`,
 * `through: "after-sales-ticket"`). The target must be a record of `form`; absent → the trigger record.
 */
export const linkedRecordSchema = {
  type: 'object',
  properties: {
    via: { type: 'array', items: fieldKeySchema, minItems: 1, maxItems: 2 },
    through: definitionKeySchema,
    form: definitionKeySchema,
  },
  required: ['via', 'form'],
  additionalProperties: false,
} as const;

const fieldMapSchema = {
  type: 'object',
  propertyNames: fieldKeySchema,
  additionalProperties: logicSchema,
  maxProperties: 200,
} as const;

export const ruleActionSchema = {
  type: 'object',
  discriminator: { propertyName: 'type' },
  oneOf: [
    {
      type: 'object',
      properties: { type: { const: 'create-record' }, form: definitionKeySchema, map: fieldMapSchema },
      required: ['type', 'form', 'map'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { type: { const: 'start-flow' }, flow: definitionKeySchema, target: actionTargetSchema },
      required: ['type', 'flow'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { type: { const: 'set-fields' }, record: linkedRecordSchema, values: fieldMapSchema },
      required: ['type', 'values'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { type: { const: 'assign' }, to: recipientSchema, target: actionTargetSchema },
      required: ['type', 'to'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: {
        type: { const: 'notify' },
        to: { type: 'array', items: recipientSchema, minItems: 1, maxItems: 20 },
        /** Text with `{{path}}` placeholders over the rule's data, e.g. `{{record.model}}`. */
        template: localizedTextSchema,
      },
      required: ['type', 'to', 'template'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: {
        type: { const: 'webhook' },
        url: { type: 'string', minLength: 1, maxLength: 2000 },
        /** Name of a stored secret the runtime signs the delivery with; never the secret itself. */
        secretRef: { type: 'string', minLength: 1, maxLength: 200 },
      },
      required: ['type', 'url'],
      additionalProperties: false,
    },
  ],
} as const;

export const ruleDefinitionSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    ...definitionHeaderProperties,
    enabled: { type: 'boolean' },
    /** IANA zone whose local days, weeks and months the windows follow. */
    timezone: { type: 'string', minLength: 1, maxLength: 64 },
    trigger: ruleTriggerSchema,
    aggregates: {
      type: 'object',
      propertyNames: aggregateNameSchema,
      additionalProperties: aggregateDefinitionSchema,
      maxProperties: 20,
    },
    /** JSON-Logic over `record`, `previous`, `aggregates`, `group`, `window`, `trigger`; absent → always. */
    condition: logicSchema,
    actions: { type: 'array', items: ruleActionSchema, minItems: 1, maxItems: 20 },
    cooldown: {
      type: 'object',
      properties: { days: { type: 'number' } },
      required: ['days'],
      additionalProperties: false,
    },
  },
  required: ['key', 'title', 'enabled', 'timezone', 'trigger', 'actions'],
  additionalProperties: false,
} as const;

export type RuleDefinition = FromSchema<typeof ruleDefinitionSchema>;
export type RuleTrigger = RuleDefinition['trigger'];
export type RuleAction = RuleDefinition['actions'][number];
export type AggregateDefinition = NonNullable<RuleDefinition['aggregates']>[string];
export type RuleWindow = AggregateDefinition['window'];
export type AggregateMeasure = AggregateDefinition['measure'];
export type Recipient = Extract<RuleAction, { type: 'assign' }>['to'];
export type LookupRecipient = Extract<Recipient, { lookup: unknown }>['lookup'];
export type LinkedRecord = NonNullable<Extract<RuleAction, { type: 'set-fields' }>['record']>;
