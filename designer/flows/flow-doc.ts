/**
 * @module The flow definition as the designer edits it: loose, mutable views of the engine's
 * `FlowDefinition` parts (the meta-schema's own types are exact but deep and awkward to mutate), and
 * `editDoc`, which hands a deep copy to a mutating function so every edit yields a new document.
 */
import type { FlowDefinition } from '../../engine';

export type Text = { 'zh-CN'?: string; en?: string };

export interface TransitionObject {
  target?: string;
  guard?: string | { type: string; params?: Record<string, unknown> };
  actions?: unknown;
  reenter?: boolean;
  description?: string;
  meta?: { roles?: string[]; label?: Text; description?: Text };
}

/** `'diagnose'`, an object, or guarded alternatives, as the machine config allows. */
export type TransitionValue = string | TransitionObject | (string | TransitionObject)[];

export interface StageOwner {
  role: string;
  strategy?: AssignmentStrategy;
}

export interface StageMeta {
  label?: Text;
  description?: Text;
  owner?: StageOwner;
  requiredFields?: string[];
  sla?: string | string[];
  waiting?: boolean;
  outcome?: 'completed' | 'cancelled';
}

export interface StageDoc {
  type?: 'atomic' | 'final';
  description?: string;
  on?: Record<string, TransitionValue>;
  after?: Record<string, TransitionValue>;
  always?: TransitionValue;
  entry?: unknown;
  exit?: unknown;
  tags?: string[];
  meta?: StageMeta;
}

export interface SlaTargetDoc {
  when?: Record<string, string | number | boolean | (string | number)[]>;
  minutes: number;
}

export interface SlaPolicyDoc {
  key: string;
  title?: Text;
  stages?: string[];
  pauseIn?: string[];
  calendar?: string;
  onPriorityChange: 'restart' | 'keep-elapsed';
  warnAt?: number[];
  targets: SlaTargetDoc[];
  escalate?: { onWarning?: string[]; onBreach?: string[] };
}

export interface DelayDoc {
  title?: Text;
  description?: Text;
  minutes: number;
  business?: boolean;
  calendar?: string;
}

export interface FlowDoc {
  key: string;
  title?: Text;
  description?: Text;
  version?: number;
  form?: string;
  calendar?: string;
  machine: {
    id?: string;
    version?: string;
    description?: string;
    initial: string;
    states: Record<string, StageDoc>;
  };
  delays?: Record<string, DelayDoc>;
  guards?: Record<string, unknown>;
  actions?: Record<string, { type: string; params?: Record<string, unknown>; description?: Text }>;
  sla?: { policies: SlaPolicyDoc[] };
}

/** The assignment strategies of `stageOwnerSchema`, in the order the designer offers them. */
export const ASSIGNMENT_STRATEGIES = [
  'round-robin',
  'least-loaded',
  'previous-owner',
  'skills',
  'manual',
] as const;
export type AssignmentStrategy = (typeof ASSIGNMENT_STRATEGIES)[number];

/** The engine's view of a designer document (same JSON, exact type). */
export const asDefinition = (doc: FlowDoc): FlowDefinition => doc as unknown as FlowDefinition;

/** A new document: `change` mutates a deep copy of `doc`. */
export function editDoc(doc: FlowDoc, change: (draft: FlowDoc) => void): FlowDoc {
  const copy = structuredClone(doc);
  change(copy);
  return copy;
}

export const hasOwn = (object: object | undefined, key: string): boolean =>
  object !== undefined && Object.prototype.hasOwnProperty.call(object, key);

/** A key built from `base` that `taken` does not hold yet: `base`, `base_2`, `base_3`, … */
export function uniqueKey(base: string, taken: (key: string) => boolean, separator = '_'): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n += 1) {
    const key = `${base}${separator}${n}`;
    if (!taken(key)) return key;
  }
}

/** The keys of a stage's own SLA policies (`meta.sla`, a string or a list). */
export function ownPolicyKeys(stage: StageDoc | undefined): string[] {
  const sla = stage?.meta?.sla;
  if (sla === undefined) return [];
  return typeof sla === 'string' ? [sla] : [...sla];
}
