/** Meta-schema errors become issues that point at the offending part itself. */
import { describe, expect, it } from 'vitest';
import { schemaIssues } from '../../../engine/definitions/schema-issues';

const widgetSchema = {
  type: 'object',
  properties: {
    key: { type: 'string', pattern: '^[a-z]+$' },
    size: { type: 'integer', minimum: 1, maximum: 10 },
    parts: {
      type: 'array',
      items: {
        type: 'object',
        oneOf: [
          {
            properties: { type: { const: 'bolt' }, length: { type: 'number' } },
            required: ['type'],
            additionalProperties: false,
          },
          {
            properties: { type: { const: 'nut' }, thread: { enum: ['M4', 'M6'] } },
            required: ['type'],
            additionalProperties: false,
          },
        ],
        discriminator: { propertyName: 'type' },
        required: ['type'],
      },
    },
  },
  required: ['key'],
  additionalProperties: false,
} as const;

const codes = (doc: unknown, locale: 'en' | 'zh-CN' = 'en') =>
  schemaIssues(widgetSchema, doc, locale).map(({ code, path }) => `${code} ${path}`);

describe('schemaIssues', () => {
  it('accepts a conforming document', () => {
    expect(schemaIssues(widgetSchema, { key: 'w', parts: [{ type: 'nut', thread: 'M4' }] })).toEqual([]);
  });

  it('points an unknown key at the key itself and a missing key at where it belongs', () => {
    expect(codes({ colour: 'red' })).toEqual(['missing-key /key', 'unknown-key /colour']);
  });

  it('names wrong types, patterns and bounds at the value', () => {
    expect(codes({ key: 'W1', size: 11 })).toEqual(['pattern-mismatch /key', 'too-large /size']);
    expect(codes({ key: 'w', size: 'big' })).toEqual(['wrong-type /size']);
  });

  it('reports the error of the chosen variant only, not every branch', () => {
    expect(codes({ key: 'w', parts: [{ type: 'nut', thread: 'M5' }] })).toEqual([
      'not-allowed-value /parts/0/thread',
    ]);
    expect(codes({ key: 'w', parts: [{ type: 'washer' }] })).toEqual(['unknown-variant /parts/0/type']);
    expect(codes({ key: 'w', parts: [{ type: 'bolt', thread: 'M4' }] })).toEqual([
      'unknown-key /parts/0/thread',
    ]);
  });

  it('keeps the likely branch of a union without a discriminator', () => {
    const transitionSchema = {
      type: 'object',
      properties: {
        on: {
          type: 'object',
          additionalProperties: {
            oneOf: [
              { type: 'string' },
              { type: 'object', properties: { target: { type: 'string' } }, additionalProperties: false },
            ],
          },
        },
      },
    } as const;
    const found = schemaIssues(transitionSchema, { on: { GO: { target: 3 } } }).map(
      ({ code, path }) => `${code} ${path}`,
    );
    expect(found).toEqual(['wrong-type /on/GO/target']);
  });

  it('writes its messages in zh-CN as well as en', () => {
    const [en] = schemaIssues(widgetSchema, { key: 'w', colour: 1 }, 'en');
    const [zh] = schemaIssues(widgetSchema, { key: 'w', colour: 1 }, 'zh-CN');
    expect(en?.message).toBe('Unknown property "colour"');
    expect(zh?.message).toBe('未知属性“colour”');
  });
});
