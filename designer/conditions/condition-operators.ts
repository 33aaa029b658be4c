/**
 * @module Which comparisons fit which field: a field's value kind (text, number, survey scale, choice,
 * multi-choice, yes/no, date, date-time, or presence only) and the operators offered for each kind.
 */
import type { FieldInfo } from '../../engine';
import { scaleOf } from '../forms/engine-field-types';

export type ValueKind =
  'text' | 'number' | 'scale' | 'choice' | 'multiChoice' | 'boolean' | 'date' | 'datetime' | 'presence';

export type OperatorId =
  | 'eq'
  | 'neq'
  | 'contains'
  | 'empty'
  | 'notEmpty'
  | 'gt'
  | 'gte'
  | 'lt'
  | 'lte'
  | 'between'
  | 'anyOf'
  | 'checked'
  | 'unchecked'
  | 'before'
  | 'after';

export const OPERATORS_BY_KIND: Record<ValueKind, readonly OperatorId[]> = {
  text: ['eq', 'neq', 'contains', 'empty', 'notEmpty'],
  number: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'empty', 'notEmpty'],
  scale: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'empty', 'notEmpty'],
  choice: ['eq', 'neq', 'anyOf', 'empty', 'notEmpty'],
  multiChoice: ['contains', 'anyOf', 'empty', 'notEmpty'],
  boolean: ['checked', 'unchecked'],
  date: ['before', 'after', 'eq', 'between', 'empty', 'notEmpty'],
  datetime: ['before', 'after', 'empty', 'notEmpty'],
  presence: ['notEmpty', 'empty'],
};

/** Types whose value is a file, an address or rows: only "filled or not" makes sense. */
const PRESENCE_TYPES = new Set(['attachment', 'signature', 'region', 'group']);

export function valueKindOf(field: Pick<FieldInfo, 'type' | 'numeric' | 'options' | 'multiple'>): ValueKind {
  if (field.type === 'checkbox') return 'boolean';
  if (field.type === 'date') return 'date';
  if (field.type === 'datetime') return 'datetime';
  if (field.numeric) return scaleOf(field.type) ? 'scale' : 'number';
  if (field.options) return field.multiple ? 'multiChoice' : 'choice';
  if (field.multiple || PRESENCE_TYPES.has(field.type)) return 'presence';
  return 'text';
}

/** How many values an operator takes: none, one, two (a range) or a list. */
export function arityOf(operator: OperatorId): 0 | 1 | 2 | 'list' {
  switch (operator) {
    case 'empty':
    case 'notEmpty':
    case 'checked':
    case 'unchecked':
      return 0;
    case 'between':
      return 2;
    case 'anyOf':
      return 'list';
    default:
      return 1;
  }
}

/** Kinds whose values are numbers (written as JSON numbers). */
export function isNumericKind(kind: ValueKind): boolean {
  return kind === 'number' || kind === 'scale';
}
