/**
 * @module Schema fragments every definition meta-schema shares: keys, bilingual text, expressions.
 * Plain `as const` objects, so json-schema-to-ts can derive types from the schemas that embed them.
 */

/** Key of a definition (form, flow, rule, report, dashboard, calendar): lower-case, URL-safe. */
export const definitionKeySchema = {
  type: 'string',
  pattern: '^[a-z][a-z0-9_-]{0,63}$',
} as const;

/** Key of a field in a form's data: an identifier, usable in expressions and SQL paths. */
export const fieldKeySchema = {
  type: 'string',
  pattern: '^[A-Za-z][A-Za-z0-9_]{0,63}$',
} as const;

/** Text in zh-CN and/or en. */
export const localizedTextSchema = {
  type: 'object',
  properties: {
    'zh-CN': { type: 'string', maxLength: 2000 },
    en: { type: 'string', maxLength: 2000 },
  },
  additionalProperties: false,
  minProperties: 1,
} as const;

/**
 * A JSON-Logic expression. The meta-schema only says "some JSON value"; the whitelist, depth and
 * size are checked by `checkExpression`, which can point at the bad operation inside it.
 */
export const logicSchema = {} as const;

/** The properties every definition document has besides its own. */
export const definitionHeaderProperties = {
  key: definitionKeySchema,
  title: localizedTextSchema,
  description: localizedTextSchema,
  /** Set by storage on publish; authors leave it out. */
  version: { type: 'integer', minimum: 1 },
} as const;
