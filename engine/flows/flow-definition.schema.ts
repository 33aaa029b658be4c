/**
 * @module Meta-schema of a flow definition: SOP stages as a plain XState v5 machine config (JSON),
 * named JSON-Logic guards, named actions and SLA policies. The machine part is exactly what
 * `createMachine` accepts; the meta-schema only narrows it to what Closedloop can step purely
 * (top-level stages, named guards and actions, delayed `after` transitions by named delay only, no
 * nested states) and checks the `meta` of stages and transitions key by key. Named delays are defined
 * next to the machine (`delays`), in minutes of wall-clock or business time, because only the engine
 * can turn business time into an instant; the runtime holds them as durable timers.
 */
import type { FromSchema } from 'json-schema-to-ts';
import {
  definitionHeaderProperties,
  definitionKeySchema,
  fieldKeySchema,
  localizedTextSchema,
  logicSchema,
} from '../definitions/common-schemas';

/** A stage (state) key: also a timer-id and event-log token, so kept to identifier characters. */
export const stageKeySchema = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]{0,63}$' } as const;

/** The name of a guard, action or event: `ACCEPT`, `customer.replied`, `notifyManager`. */
export const behaviourNameSchema = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_.-]{0,63}$' } as const;

/** `'notifyManager'` or `{ type: 'notifyManager', params: {...} }` (XState's parameterized form). */
const namedReferenceSchema = {
  oneOf: [
    behaviourNameSchema,
    {
      type: 'object',
      properties: { type: behaviourNameSchema, params: { type: 'object' } },
      required: ['type'],
      additionalProperties: false,
    },
  ],
} as const;

const actionReferencesSchema = {
  oneOf: [namedReferenceSchema, { type: 'array', items: namedReferenceSchema, maxItems: 32 }],
} as const;

/** What Closedloop reads from a transition's `meta`: who may take it, how the button reads. */
export const transitionMetaSchema = {
  type: 'object',
  properties: {
    roles: { type: 'array', items: definitionKeySchema, uniqueItems: true, maxItems: 32 },
    label: localizedTextSchema,
    description: localizedTextSchema,
  },
  additionalProperties: false,
} as const;

const transitionObjectSchema = {
  type: 'object',
  properties: {
    target: stageKeySchema,
    guard: namedReferenceSchema,
    actions: actionReferencesSchema,
    reenter: { type: 'boolean' },
    description: { type: 'string', maxLength: 2000 },
    meta: transitionMetaSchema,
  },
  additionalProperties: false,
} as const;

/** `'diagnose'`, `{ target, guard, ... }` or a list of guarded alternatives (first enabled wins). */
export const transitionSchema = {
  oneOf: [
    stageKeySchema,
    transitionObjectSchema,
    { type: 'array', items: { oneOf: [stageKeySchema, transitionObjectSchema] }, minItems: 1, maxItems: 32 },
  ],
} as const;

/** Who owns a stage: the runtime picks the person with this role by the strategy. */
export const stageOwnerSchema = {
  type: 'object',
  properties: {
    role: definitionKeySchema,
    strategy: { enum: ['round-robin', 'least-loaded', 'previous-owner', 'skills', 'manual'] },
  },
  required: ['role'],
  additionalProperties: false,
} as const;

/** What Closedloop reads from a stage's `meta`; any other key is a mistake worth reporting. */
export const stageMetaSchema = {
  type: 'object',
  properties: {
    label: localizedTextSchema,
    description: localizedTextSchema,
    owner: stageOwnerSchema,
    requiredFields: { type: 'array', items: fieldKeySchema, uniqueItems: true, maxItems: 200 },
    /** SLA policies whose clock belongs to this stage alone. */
    sla: {
      oneOf: [
        definitionKeySchema,
        { type: 'array', items: definitionKeySchema, uniqueItems: true, maxItems: 8 },
      ],
    },
    /** Waiting for the customer (or parts): every running clock pauses here. */
    waiting: { type: 'boolean' },
    /** For final stages: `cancelled` cancels running clocks instead of counting them met. */
    outcome: { enum: ['completed', 'cancelled'] },
  },
  additionalProperties: false,
} as const;

/**
 * The key of an `after` entry. Named delays (`autoClose`) are what Closedloop steps; a number of
 * milliseconds is accepted here only so the checker can say why it is refused, instead of a bare
 * pattern mismatch.
 */
export const afterKeySchema = {
  type: 'string',
  pattern: '^(?:[A-Za-z][A-Za-z0-9_.-]{0,63}|[0-9]{1,15})$',
} as const;

export const stageSchema = {
  type: 'object',
  properties: {
    type: { enum: ['atomic', 'final'] },
    description: { type: 'string', maxLength: 2000 },
    on: {
      type: 'object',
      propertyNames: behaviourNameSchema,
      additionalProperties: transitionSchema,
      maxProperties: 64,
    },
    /** Delayed transitions by named delay (`flow.delays`): taken when the stage's timer fires. */
    after: {
      type: 'object',
      propertyNames: afterKeySchema,
      additionalProperties: transitionSchema,
      maxProperties: 16,
    },
    always: transitionSchema,
    entry: actionReferencesSchema,
    exit: actionReferencesSchema,
    tags: { type: 'array', items: definitionKeySchema, uniqueItems: true, maxItems: 16 },
    meta: stageMetaSchema,
  },
  additionalProperties: false,
} as const;

export const flowMachineSchema = {
  type: 'object',
  properties: {
    id: definitionKeySchema,
    version: { type: 'string', maxLength: 64 },
    description: { type: 'string', maxLength: 2000 },
    initial: stageKeySchema,
    states: {
      type: 'object',
      propertyNames: stageKeySchema,
      additionalProperties: stageSchema,
      minProperties: 1,
      maxProperties: 100,
    },
  },
  required: ['initial', 'states'],
  additionalProperties: false,
} as const;

/** A named action: the runtime's registry knows `type` (notify, set-field, assign, webhook, ...). */
export const flowActionSchema = {
  type: 'object',
  properties: {
    type: behaviourNameSchema,
    params: { type: 'object' },
    description: localizedTextSchema,
  },
  required: ['type'],
  additionalProperties: false,
} as const;

/** Equality on a context value (`tier`, `priority`) or record field; a list means "any of". */
const targetConditionValueSchema = {
  oneOf: [
    { type: 'string' },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'array', items: { oneOf: [{ type: 'string' }, { type: 'number' }] }, minItems: 1, maxItems: 50 },
  ],
} as const;

export const slaTargetSchema = {
  type: 'object',
  properties: {
    when: {
      type: 'object',
      propertyNames: fieldKeySchema,
      additionalProperties: targetConditionValueSchema,
      maxProperties: 8,
    },
    /** Business minutes on the policy's calendar. */
    minutes: { type: 'number', minimum: 0, maximum: 5_256_000 },
  },
  required: ['minutes'],
  additionalProperties: false,
} as const;

export const slaPolicySchema = {
  type: 'object',
  properties: {
    key: definitionKeySchema,
    title: localizedTextSchema,
    /** The stages a clock spans (start on entering the first, stop on leaving them all). */
    stages: { type: 'array', items: stageKeySchema, uniqueItems: true, minItems: 1, maxItems: 100 },
    /** Extra stages where this clock pauses (stages marked `meta.waiting` pause every clock). */
    pauseIn: { type: 'array', items: stageKeySchema, uniqueItems: true, maxItems: 100 },
    /** Calendar key; the flow's calendar when left out, `always-open` for round-the-clock targets. */
    calendar: definitionKeySchema,
    onPriorityChange: { enum: ['restart', 'keep-elapsed'] },
    /** Fractions of the target at which to warn, ascending, each in (0, 1). */
    warnAt: { type: 'array', items: { type: 'number' }, maxItems: 10 },
    /** First match wins; the last, without `when`, is the default. */
    targets: { type: 'array', items: slaTargetSchema, minItems: 1, maxItems: 100 },
    escalate: {
      type: 'object',
      properties: {
        onWarning: { type: 'array', items: behaviourNameSchema, maxItems: 16 },
        onBreach: { type: 'array', items: behaviourNameSchema, maxItems: 16 },
      },
      additionalProperties: false,
    },
  },
  required: ['key', 'onPriorityChange', 'targets'],
  additionalProperties: false,
} as const;

/**
 * A named delay of `after` transitions: `minutes` of wall-clock time, or of working time on a business
 * calendar when `business` is true (the delay's `calendar`, else the flow's, else always-open).
 */
export const flowDelaySchema = {
  type: 'object',
  properties: {
    title: localizedTextSchema,
    description: localizedTextSchema,
    minutes: { type: 'number', maximum: 5_256_000 },
    business: { type: 'boolean' },
    calendar: definitionKeySchema,
  },
  required: ['minutes'],
  additionalProperties: false,
} as const;

export const flowDefinitionSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    ...definitionHeaderProperties,
    /** The form whose records this flow moves. */
    form: definitionKeySchema,
    /** Default business calendar of the SLA policies. */
    calendar: definitionKeySchema,
    machine: flowMachineSchema,
    /** Named delays of the stages' `after` transitions. */
    delays: {
      type: 'object',
      propertyNames: behaviourNameSchema,
      additionalProperties: flowDelaySchema,
      maxProperties: 50,
    },
    guards: {
      type: 'object',
      propertyNames: behaviourNameSchema,
      additionalProperties: logicSchema,
      maxProperties: 200,
    },
    actions: {
      type: 'object',
      propertyNames: behaviourNameSchema,
      additionalProperties: flowActionSchema,
      maxProperties: 200,
    },
    sla: {
      type: 'object',
      properties: { policies: { type: 'array', items: slaPolicySchema, maxItems: 50 } },
      required: ['policies'],
      additionalProperties: false,
    },
  },
  required: ['key', 'machine'],
  additionalProperties: false,
} as const;

/** A flow document as json-schema-to-ts reads the meta-schema. */
export type FlowDefinition = FromSchema<typeof flowDefinitionSchema>;
export type FlowMachineConfig = FlowDefinition['machine'];
export type FlowStageConfig = FlowMachineConfig['states'][string];
export type FlowStageMeta = NonNullable<FlowStageConfig['meta']>;
export type FlowTransitionConfig = NonNullable<FlowStageConfig['always']>;
export type FlowDelay = NonNullable<FlowDefinition['delays']>[string];
export type FlowActionDefinition = NonNullable<FlowDefinition['actions']>[string];
export type SlaPolicy = NonNullable<FlowDefinition['sla']>['policies'][number];
export type SlaTarget = SlaPolicy['targets'][number];
