/**
 * @module Resolves a field name written in a report (`createdAt`, `category`, `data.stage`,
 * `survey.rating`) to the table it lives in, whether it is a system column or a data path, and what
 * kind of value it holds. The checker and the compiler resolve names the same way through here.
 */
import type { FieldInfo } from '../definitions/definition-context';
import { SYSTEM_COLUMNS, type SystemColumn, type ValueCast } from './query-plan';
import type { ReportDefinition } from './report-definition.schema';

/** The data fields of a form by key, or `undefined` for an unknown form (`DefinitionContext.formFields`). */
export type FieldLookup = (form: string) => Map<string, FieldInfo> | undefined;

/** SQL aliases of the source and joined records tables in every plan. */
export const SOURCE_ALIAS = 'r';
export const JOIN_ALIAS = 'j';

export type ValueKind = 'number' | 'text' | 'timestamp' | 'date' | 'boolean' | 'list' | 'unknown';

export interface ResolvedField {
  /** The name as written in the report. */
  name: string;
  table: string;
  form: string;
  system?: SystemColumn;
  /** Path inside `data` for data fields. */
  path?: string[];
  /** Field info when the form's fields are known. */
  info?: FieldInfo;
  /** `true` when the form is known but has no such field. */
  unknown: boolean;
  kind: ValueKind;
}

const SYSTEM_KINDS: Record<SystemColumn, ValueKind> = {
  id: 'text',
  form: 'text',
  formVersion: 'number',
  stage: 'text',
  assignee: 'text',
  team: 'text',
  customer: 'text',
  createdAt: 'timestamp',
  updatedAt: 'timestamp',
  resolvedAt: 'timestamp',
  revision: 'number',
};

const isSystem = (name: string): name is SystemColumn => (SYSTEM_COLUMNS as readonly string[]).includes(name);

/** What kind of value a form field holds, from its FieldInfo. */
export function fieldKind(info: FieldInfo): ValueKind {
  if (info.multiple) return 'list';
  if (info.numeric) return 'number';
  if (info.type === 'datetime') return 'timestamp';
  if (info.type === 'date') return 'date';
  if (info.type === 'checkbox') return 'boolean';
  return 'text';
}

/** The SQL cast of a value kind; `unknown` data is read as `fallback`. */
export function castOf(kind: ValueKind, fallback: ValueCast = 'text'): ValueCast {
  if (kind === 'list') return 'json';
  if (kind === 'unknown') return fallback;
  return kind;
}

/** The prefix joined fields are written with: the join's `as`, else its form key. */
export function joinPrefix(spec: Pick<ReportDefinition, 'source'>): string | undefined {
  const join = spec.source.join;
  return join ? (join.as ?? join.form) : undefined;
}

export function resolveField(
  name: string,
  spec: Pick<ReportDefinition, 'source'>,
  fields?: FieldLookup,
): ResolvedField {
  let table = SOURCE_ALIAS;
  let form = spec.source.form;
  let rest = name;
  const prefix = joinPrefix(spec);
  if (prefix !== undefined && name.startsWith(prefix + '.')) {
    table = JOIN_ALIAS;
    form = spec.source.join!.form;
    rest = name.slice(prefix.length + 1);
  }
  if (isSystem(rest)) return { name, table, form, system: rest, unknown: false, kind: SYSTEM_KINDS[rest] };
  const key = rest.startsWith('data.') ? rest.slice(5) : rest;
  const formFields = fields?.(form);
  const info = formFields?.get(key);
  return {
    name,
    table,
    form,
    path: key.split('.'),
    ...(info ? { info } : {}),
    unknown: formFields !== undefined && info === undefined,
    kind: info ? fieldKind(info) : 'unknown',
  };
}

/** Whether a field holds time values (a time grain applies to it). */
export const isTimeKind = (kind: ValueKind) => kind === 'timestamp' || kind === 'date';
