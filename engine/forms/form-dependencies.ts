/**
 * @module Which fields an expression reads and the order fields must be settled in. A variable's first
 * segment names a field of the innermost scope that has it (a row field shadows a top-level one).
 * Within each scope a field comes after the fields its visibility and computation read, so a hidden
 * field is already gone when the fields that depend on it are decided — which keeps validation
 * idempotent. Cycles cannot be ordered; they are reported by the definition check.
 */
import { expressionVariables } from '../expressions/check-expression';
import { childPointer } from '../issues/json-pointer';
import type { DataNode, FormScope, LocatedLogic } from './form-tree';

const SCOPED_OPERATIONS = new Set(['map', 'filter', 'all', 'none', 'some', 'reduce']);

export interface VariableReference {
  name: string;
  /** Pointer to the `var` operation inside the definition. */
  path: string;
}

/** The variables `logic` reads from its outer data, each with its pointer (as `expressionVariables` sees them). */
export function variableReferences({ logic, path }: LocatedLogic): VariableReference[] {
  const names = new Set(expressionVariables(logic));
  const found: VariableReference[] = [];
  const walk = (node: unknown, at: string): void => {
    if (Array.isArray(node)) return node.forEach((child, i) => walk(child, childPointer(at, i)));
    if (typeof node !== 'object' || node === null || Object.keys(node).length !== 1) return;
    const operation = Object.keys(node)[0] as string;
    const args = (node as Record<string, unknown>)[operation];
    const opPath = childPointer(at, operation);
    if (operation === 'var') {
      const name = Array.isArray(args) ? args[0] : args;
      if ((typeof name === 'string' || typeof name === 'number') && names.has(String(name))) {
        found.push({ name: String(name), path: opPath });
      } else walk(name, Array.isArray(args) ? childPointer(opPath, 0) : opPath);
      return;
    }
    if (SCOPED_OPERATIONS.has(operation) && Array.isArray(args))
      return walk(args[0], childPointer(opPath, 0));
    walk(args, opPath);
  };
  walk(logic, path);
  return found;
}

/** The field a variable names, looked up from `scope` outwards; `undefined` when none. */
export function resolveVariable(scope: FormScope, name: string): DataNode | undefined {
  const head = name.split('.')[0] as string;
  for (let s: FormScope | undefined = scope; s; s = s.parent) {
    const node = s.byKey.get(head);
    if (node) return node;
  }
  return undefined;
}

/** `node` itself or the enclosing group of it that sits in `scope`. */
function ancestorIn(node: DataNode, scope: FormScope): DataNode | undefined {
  for (let n: DataNode | undefined = node; n; n = n.scope.group) if (n.scope === scope) return n;
  return undefined;
}

export interface DependencyEdge {
  /** The field that must wait. */
  from: DataNode;
  /** The field it reads. */
  to: DataNode;
  kind: 'computed' | 'visible';
}

function descendants(node: DataNode): DataNode[] {
  return node.rows ? node.rows.nodes.flatMap((child) => [child, ...descendants(child)]) : [];
}

/** Dependencies between the fields of one scope, including what rows of its groups read from it. */
export function scopeDependencies(scope: FormScope): DependencyEdge[] {
  const edges: DependencyEdge[] = [];
  for (const top of scope.nodes) {
    for (const node of [top, ...descendants(top)]) {
      const expressions: [LocatedLogic, DependencyEdge['kind']][] = node.visibleWhen.map((v) => [
        v,
        'visible',
      ]);
      if (node.computed) expressions.push([node.computed, 'computed']);
      for (const [logic, kind] of expressions) {
        for (const ref of variableReferences(logic)) {
          const target = resolveVariable(node.scope, ref.name);
          if (!target || target.scope !== scope) continue;
          const from = ancestorIn(node, scope) as DataNode;
          // A row reading its own group (`parts.length`) orders nothing; a field reading itself only matters when computed.
          if (from === target && (from !== node || kind !== 'computed')) continue;
          edges.push({ from, to: target, kind });
        }
      }
    }
  }
  return edges;
}

export interface ScopePlan {
  /** The scope's fields in the order to settle them. */
  order: DataNode[];
  /** Groups of fields that depend on each other in a circle (document order inside). */
  cycles: { nodes: DataNode[]; computed: boolean }[];
}

function stronglyConnected(nodes: DataNode[], edges: DependencyEdge[]): DataNode[][] {
  const index = new Map<DataNode, number>();
  const low = new Map<DataNode, number>();
  const stack: DataNode[] = [];
  const onStack = new Set<DataNode>();
  const components: DataNode[][] = [];
  let counter = 0;
  const visit = (v: DataNode): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const e of edges) {
      if (e.from !== v) continue;
      if (!index.has(e.to)) {
        visit(e.to);
        low.set(v, Math.min(low.get(v) as number, low.get(e.to) as number));
      } else if (onStack.has(e.to)) low.set(v, Math.min(low.get(v) as number, index.get(e.to) as number));
    }
    if (low.get(v) === index.get(v)) {
      const component: DataNode[] = [];
      let w: DataNode;
      do {
        w = stack.pop() as DataNode;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      components.push(component);
    }
  };
  for (const n of nodes) if (!index.has(n)) visit(n);
  return components;
}

const plans = new WeakMap<FormScope, ScopePlan>();

/** The settle order and the cycles of `scope` (computed once per scope). */
export function scopePlan(scope: FormScope): ScopePlan {
  const cached = plans.get(scope);
  if (cached) return cached;
  const edges = scopeDependencies(scope);
  const order: DataNode[] = [];
  const placed = new Set<DataNode>();
  let progress = true;
  while (progress) {
    progress = false;
    for (const node of scope.nodes) {
      if (placed.has(node)) continue;
      if (edges.every((e) => e.from !== node || e.to === node || placed.has(e.to))) {
        order.push(node);
        placed.add(node);
        progress = true;
        break; // restart so earlier fields keep priority: the order stays close to the document's
      }
    }
  }
  // Fields caught in a cycle keep their document order; the definition check reports the cycle.
  for (const node of scope.nodes) if (!placed.has(node)) order.push(node);
  const cycles = stronglyConnected(scope.nodes, edges)
    .filter((c) => c.length > 1 || edges.some((e) => e.from === c[0] && e.to === c[0]))
    .map((c) => {
      const nodes = scope.nodes.filter((n) => c.includes(n));
      const computed = edges.some((e) => e.kind === 'computed' && c.includes(e.from) && c.includes(e.to));
      return { nodes, computed };
    });
  const plan = { order, cycles };
  plans.set(scope, plan);
  return plan;
}
