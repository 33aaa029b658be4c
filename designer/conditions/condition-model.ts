/**
 * @module The visual condition as a tree (AND / OR groups of comparisons) and its translation to and
 * from JSON-Logic using only whitelisted operations (`==`, `!=`, `>`, `>=`, `<`, `<=`, `between`,
 * `contains`, `in`, `some`, `!`, `!!`, `date_before`, `date_after`, `and`, `or`). Reading returns
 * `null` for logic the builder cannot show, which is then kept as it is.
 */
import type { FieldInfo } from '../../engine';
import {
  OPERATORS_BY_KIND,
  arityOf,
  isNumericKind,
  valueKindOf,
  type OperatorId,
  type ValueKind,
} from './condition-operators';

export interface ConditionRule {
  kind: 'rule';
  id: string;
  /** Field key (without the var prefix); '' until chosen. */
  field: string;
  operator: OperatorId;
  value?: unknown;
  /** Upper end of `between`. */
  value2?: unknown;
}

export interface ConditionGroup {
  kind: 'group';
  id: string;
  combinator: 'and' | 'or';
  items: ConditionNode[];
}

export type ConditionNode = ConditionRule | ConditionGroup;

type Fields = readonly Pick<FieldInfo, 'key' | 'type' | 'numeric' | 'options' | 'multiple'>[];

let counter = 0;
export const newId = (): string => `c${++counter}`;

export function emptyGroup(combinator: 'and' | 'or' = 'and'): ConditionGroup {
  return { kind: 'group', id: newId(), combinator, items: [] };
}

export function kindOfField(fields: Fields, key: string): ValueKind | undefined {
  const field = fields.find((f) => f.key === key);
  return field ? valueKindOf(field) : undefined;
}

// ---- reading ----

type Literal = string | number | boolean | null;

function isLiteral(value: unknown): value is Literal {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function single(node: unknown): [string, unknown[]] | null {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return null;
  const keys = Object.keys(node);
  if (keys.length !== 1) return null;
  const op = keys[0] as string;
  const args = (node as Record<string, unknown>)[op];
  return [op, Array.isArray(args) ? args : [args]];
}

/** The field key a `{"var": …}` names, without the prefix; null for anything else. */
function varKey(node: unknown, prefix: string): string | null {
  const parsed = single(node);
  if (!parsed || parsed[0] !== 'var' || parsed[1].length !== 1) return null;
  const name = parsed[1][0];
  if (typeof name !== 'string' || !name.startsWith(prefix) || name.length === prefix.length) return null;
  return name.slice(prefix.length);
}

function rule(field: string, operator: OperatorId, value?: unknown, value2?: unknown): ConditionRule {
  const r: ConditionRule = { kind: 'rule', id: newId(), field, operator };
  if (value !== undefined) r.value = value;
  if (value2 !== undefined) r.value2 = value2;
  return r;
}

const COMPARISONS: Record<string, OperatorId> = { '>': 'gt', '>=': 'gte', '<': 'lt', '<=': 'lte' };

function readRule(
  op: string,
  args: unknown[],
  kind: ValueKind | undefined,
  prefix: string,
): ConditionRule | null {
  const field = varKey(args[0], prefix);
  if (field === null) return null;
  const [, a, b] = args;
  switch (op) {
    case '!':
    case '!!':
      return args.length === 1 ? rule(field, op === '!' ? 'empty' : 'notEmpty') : null;
    case '==':
    case '!=':
      if (args.length !== 2 || !isLiteral(a)) return null;
      if (a === null) return rule(field, op === '==' ? 'empty' : 'notEmpty');
      if (a === true && kind === 'boolean') return rule(field, op === '==' ? 'checked' : 'unchecked');
      return rule(field, op === '==' ? 'eq' : 'neq', a);
    case '>':
    case '>=':
    case '<':
    case '<=':
      return args.length === 2 && isLiteral(a) && a !== null
        ? rule(field, COMPARISONS[op] as OperatorId, a)
        : null;
    case 'between':
      return args.length === 3 && isLiteral(a) && isLiteral(b) ? rule(field, 'between', a, b) : null;
    case 'contains':
      return args.length === 2 && isLiteral(a) && a !== null ? rule(field, 'contains', a) : null;
    case 'date_before':
    case 'date_after':
      return args.length === 2 && typeof a === 'string'
        ? rule(field, op === 'date_before' ? 'before' : 'after', a)
        : null;
    case 'in':
      return args.length === 2 && Array.isArray(a) && a.every(isLiteral) ? rule(field, 'anyOf', a) : null;
    case 'some': {
      const inner = single(a);
      if (args.length !== 2 || !inner || inner[0] !== 'in' || inner[1].length !== 2) return null;
      const [needle, list] = inner[1];
      const element = single(needle);
      // `{"some": [field, {"in": [{"var": ""}, [...]]}]}`: some chosen value is one of the list.
      if (!element || element[0] !== 'var' || element[1].length !== 1 || element[1][0] !== '') return null;
      if (!Array.isArray(list) || !list.every(isLiteral)) return null;
      return rule(field, 'anyOf', list);
    }
    default:
      return null;
  }
}

function readNode(node: unknown, fields: Fields, prefix: string, depth: number): ConditionNode | null {
  const parsed = single(node);
  if (!parsed || depth > 8) return null;
  const [op, args] = parsed;
  if (op === 'and' || op === 'or') {
    if (!Array.isArray((node as Record<string, unknown>)[op]) || args.length === 0) return null;
    const items = args.map((a) => readNode(a, fields, prefix, depth + 1));
    if (items.some((i) => i === null)) return null;
    return { kind: 'group', id: newId(), combinator: op, items: items as ConditionNode[] };
  }
  const field = varKey(args[0], prefix);
  const kind = field === null ? undefined : kindOfField(fields, field);
  const r = readRule(op, args, kind, prefix);
  if (!r) return null;
  // A comparison the field's kind does not offer (e.g. "> 3" on a text) is not shown as something else.
  if (kind && !OPERATORS_BY_KIND[kind].includes(r.operator)) return null;
  return r;
}

/** The visual form of `logic`: an empty AND group for "always", null when it cannot be shown. */
export function readCondition(logic: unknown, fields: Fields, prefix = ''): ConditionGroup | null {
  if (logic === undefined || logic === null) return emptyGroup();
  const node = readNode(logic, fields, prefix, 0);
  if (!node) return null;
  return node.kind === 'group' ? node : { kind: 'group', id: newId(), combinator: 'and', items: [node] };
}

// ---- writing ----

function filled(value: unknown): boolean {
  return (
    value !== undefined &&
    value !== null &&
    value !== '' &&
    !(typeof value === 'number' && Number.isNaN(value))
  );
}

/** Whether a rule has everything its operator needs (incomplete rules are left out of the logic). */
export function isComplete(r: ConditionRule): boolean {
  if (!r.field) return false;
  const arity = arityOf(r.operator);
  if (arity === 0) return true;
  if (arity === 'list') return Array.isArray(r.value) && r.value.length > 0;
  if (arity === 2) return filled(r.value) && filled(r.value2);
  return filled(r.value);
}

function typed(value: unknown, kind: ValueKind | undefined): unknown {
  if (
    kind &&
    isNumericKind(kind) &&
    typeof value === 'string' &&
    value.trim() !== '' &&
    !Number.isNaN(Number(value))
  )
    return Number(value);
  return value;
}

function writeRule(r: ConditionRule, fields: Fields, prefix: string): unknown {
  if (!isComplete(r)) return undefined;
  const v = { var: prefix + r.field };
  const kind = kindOfField(fields, r.field);
  const value = typed(r.value, kind);
  const byNull = kind !== undefined && isNumericKind(kind);
  switch (r.operator) {
    case 'eq':
      return { '==': [v, value] };
    case 'neq':
      return { '!=': [v, value] };
    case 'contains':
      return { contains: [v, value] };
    case 'empty':
      return byNull ? { '==': [v, null] } : { '!': [v] };
    case 'notEmpty':
      return byNull ? { '!=': [v, null] } : { '!!': [v] };
    case 'gt':
      return { '>': [v, value] };
    case 'gte':
      return { '>=': [v, value] };
    case 'lt':
      return { '<': [v, value] };
    case 'lte':
      return { '<=': [v, value] };
    case 'between':
      return { between: [v, value, typed(r.value2, kind)] };
    case 'anyOf': {
      const list = (r.value as unknown[]).map((x) => typed(x, kind));
      return kind === 'multiChoice' ? { some: [v, { in: [{ var: '' }, list] }] } : { in: [v, list] };
    }
    case 'checked':
      return { '==': [v, true] };
    case 'unchecked':
      return { '!=': [v, true] };
    case 'before':
      return { date_before: [v, value] };
    case 'after':
      return { date_after: [v, value] };
  }
}

function writeNode(node: ConditionNode, fields: Fields, prefix: string): unknown {
  if (node.kind === 'rule') return writeRule(node, fields, prefix);
  const items = node.items.map((i) => writeNode(i, fields, prefix)).filter((i) => i !== undefined);
  if (items.length === 0) return undefined;
  if (items.length === 1) return items[0];
  return { [node.combinator]: items };
}

/** The JSON-Logic of a visual condition; undefined when nothing is set ("always"). */
export function writeCondition(group: ConditionGroup, fields: Fields, prefix = ''): unknown {
  return writeNode(group, fields, prefix);
}
