/**
 * @module Hostile variants of valid definitions, one per place a definition carries a JSON Schema
 * fragment, a regex pattern or a JSON-Logic expression: smuggled schema keywords (`$data`, remote
 * `$ref`, unknown keywords), catastrophic patterns, operations outside the whitelist and nesting
 * past the limit. Shared by the engine test and the HTTP test, so both refuse the same documents.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppBundle } from '../../engine';
import { editDocument, type DocumentEdits } from './edit-document';

type StoredKind = 'form' | 'flow' | 'rule' | 'report' | 'dashboard' | 'calendar';

export interface HostileCase extends DocumentEdits {
  name: string;
  kind: StoredKind;
  /** The issue that must name the hostile part. */
  issue: { code: string; path: string };
}

const ROOT = join(import.meta.dirname, '..', '..');

/** The engine tour: a ticket form, its SOP flow, a threshold rule and a report that refer to each other. */
export const tourBundle = JSON.parse(
  readFileSync(join(ROOT, 'examples/engine-tour/after-sales.app.json'), 'utf8'),
) as AppBundle;

/** A dashboard over the tour's report, and a business calendar: the kinds the tour lacks. */
export const extraDefinitions = {
  dashboard: {
    key: 'tour-board',
    title: { 'zh-CN': '示例看板', en: 'Tour board' },
    cards: [{ report: 'category-pareto', x: 0, y: 0, w: 6, h: 4 }],
  },
  calendar: {
    key: 'tour-hours',
    timezone: 'Asia/Shanghai',
    week: Object.fromEntries(
      ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [['09:00', '18:00']]]),
    ),
  },
};

/** The valid document each case starts from. */
export function baseDefinition(kind: StoredKind): Record<string, any> {
  const pick = {
    form: () => tourBundle.forms![0],
    flow: () => tourBundle.flows![0],
    rule: () => tourBundle.rules![0],
    report: () => tourBundle.reports![0],
    dashboard: () => extraDefinitions.dashboard,
    calendar: () => extraDefinitions.calendar,
  }[kind];
  return structuredClone(pick()) as Record<string, any>;
}

/** `{"!": [{"!": [ … true … ]}]}` with `levels` operations: each level is two steps of depth. */
export function nestedLogic(levels: number): unknown {
  let logic: unknown = true;
  for (let i = 0; i < levels; i++) logic = { '!': [logic] };
  return logic;
}

/** json-logic-js's `method` calls any method of any value: the classic way to run code from data. */
export const METHOD_CALL = { method: [{ var: 'detail' }, 'constructor'] };

const TOO_DEEP = nestedLogic(20);
/** Where the tour form's text fields go when a case adds one. */
const NEW_FIELD = '/fields/14';

export const hostileCases: HostileCase[] = [
  // Forms: patterns Ajv would run on every submission.
  {
    name: 'form text field with a nested quantifier (a+)+$',
    kind: 'form',
    set: { '/fields/-': { key: 'reference', type: 'text', pattern: '(a+)+$' } },
    issue: { code: 'unsafe-pattern', path: `${NEW_FIELD}/pattern` },
  },
  {
    name: 'form serial field with an overlapping alternation (a|a)*b',
    kind: 'form',
    set: { '/fields/5/pattern': '(a|a)*b' },
    issue: { code: 'unsafe-pattern', path: '/fields/5/pattern' },
  },
  {
    name: 'form text field with a counted variable group (.*a){20}',
    kind: 'form',
    set: { '/fields/-': { key: 'reference', type: 'text', pattern: '(.*a){20}' } },
    issue: { code: 'unsafe-pattern', path: `${NEW_FIELD}/pattern` },
  },
  {
    name: 'form text field with a polynomial pattern \\d*\\d*x',
    kind: 'form',
    set: { '/fields/-': { key: 'reference', type: 'text', pattern: '\\d*\\d*x' } },
    issue: { code: 'unsafe-pattern', path: `${NEW_FIELD}/pattern` },
  },
  // Forms: schema keywords the designer never writes.
  {
    name: 'form field bound taken from the data with $data',
    kind: 'form',
    set: { '/fields/-': { key: 'reference', type: 'text', maxLength: { $data: '1/detail' } } },
    issue: { code: 'wrong-type', path: `${NEW_FIELD}/maxLength` },
  },
  {
    name: 'form field with a remote $ref',
    kind: 'form',
    set: { '/fields/-': { key: 'reference', type: 'text', $ref: 'https://evil.example/schema.json' } },
    issue: { code: 'unknown-key', path: `${NEW_FIELD}/$ref` },
  },
  {
    name: 'form field with a JSON Schema keyword the designer does not emit',
    kind: 'form',
    set: { '/fields/-': { key: 'reference', type: 'text', patternProperties: { '(a+)+': {} } } },
    issue: { code: 'unknown-key', path: `${NEW_FIELD}/patternProperties` },
  },
  {
    name: 'form with $defs of its own',
    kind: 'form',
    set: { '/$defs': { x: { $ref: 'https://evil.example/' } } },
    issue: { code: 'unknown-key', path: '/$defs' },
  },
  // Forms: expressions.
  {
    name: 'form visibleWhen calling a method',
    kind: 'form',
    set: { '/fields/7/visibleWhen': METHOD_CALL },
    issue: { code: 'unknown-operation', path: '/fields/7/visibleWhen/method' },
  },
  {
    name: 'form requiredWhen nested past the limit',
    kind: 'form',
    set: { '/fields/7/requiredWhen': TOO_DEEP },
    issue: { code: 'expression-too-deep', path: '/fields/7/requiredWhen' + '/!/0'.repeat(16) + '/!' },
  },
  {
    name: 'form computed field logging',
    kind: 'form',
    set: { '/fields/-': { key: 'reference', type: 'text', computed: { log: { var: 'detail' } } } },
    issue: { code: 'unknown-operation', path: `${NEW_FIELD}/computed/log` },
  },
  // Flows: guards.
  {
    name: 'flow guard calling a method',
    kind: 'flow',
    set: { '/guards/hasCategory': { and: [true, METHOD_CALL] } },
    issue: { code: 'unknown-operation', path: '/guards/hasCategory/and/1/method' },
  },
  {
    name: 'flow guard nested past the limit',
    kind: 'flow',
    set: { '/guards/hasCategory': TOO_DEEP },
    issue: { code: 'expression-too-deep', path: '/guards/hasCategory' + '/!/0'.repeat(16) + '/!' },
  },
  {
    name: 'flow guard with a prototype key as operation',
    kind: 'flow',
    set: { '/guards/hasCategory': { constructor: ['x'] } },
    issue: { code: 'unknown-operation', path: '/guards/hasCategory/constructor' },
  },
  // Rules: condition, aggregate filter, action mappings.
  {
    name: 'rule condition calling a method',
    kind: 'rule',
    set: { '/condition': { or: [false, METHOD_CALL] } },
    issue: { code: 'unknown-operation', path: '/condition/or/1/method' },
  },
  {
    name: 'rule condition nested past the limit',
    kind: 'rule',
    set: { '/condition': TOO_DEEP },
    issue: { code: 'expression-too-deep', path: '/condition' + '/!/0'.repeat(16) + '/!' },
  },
  {
    name: 'rule aggregate filter calling a method',
    kind: 'rule',
    set: { '/aggregates/monthlyScreenFailures/filter': METHOD_CALL },
    issue: { code: 'unknown-operation', path: '/aggregates/monthlyScreenFailures/filter/method' },
  },
  {
    name: 'rule action mapping with an operation outside the whitelist',
    kind: 'rule',
    set: { '/actions/0/map/title': { 'Math.random': [] } },
    issue: { code: 'unknown-operation', path: '/actions/0/map/title/Math.random' },
  },
  // Reports, dashboards, calendars hold no expressions or patterns: smuggled ones are unknown parts.
  {
    name: 'report filter value that is an expression',
    kind: 'report',
    set: { '/filters': [{ field: 'category', op: 'eq', value: METHOD_CALL }] },
    issue: { code: 'wrong-type', path: '/filters/0/value' },
  },
  {
    name: 'report measure with a JSON-Logic where',
    kind: 'report',
    set: { '/measures/0/where': METHOD_CALL },
    issue: { code: 'unknown-key', path: '/measures/0/where' },
  },
  {
    name: 'report with a remote $ref',
    kind: 'report',
    set: { '/$ref': 'https://evil.example/report.json' },
    issue: { code: 'unknown-key', path: '/$ref' },
  },
  {
    name: 'dashboard filter with a regex pattern',
    kind: 'dashboard',
    set: { '/filters': [{ key: 'team', kind: 'select', field: 'team', pattern: '(a+)+$' }] },
    issue: { code: 'unknown-key', path: '/filters/0/pattern' },
  },
  {
    name: 'calendar with $data',
    kind: 'calendar',
    set: { '/timezone': { $data: '/x' } },
    issue: { code: 'wrong-type', path: '/timezone' },
  },
];

/** The hostile document of `c`. */
export function hostileDocument(c: HostileCase): Record<string, any> {
  return editDocument(baseDefinition(c.kind), c);
}
