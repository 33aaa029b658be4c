/**
 * @module Typed calls of the rule designer (`runtime/http/definition-routes.ts`, `rule-routes.ts`):
 * rules (list, read, create, save the draft, publish, versions), the dry run over a period, the firing
 * history, and the forms and flows a rule can name. Failures throw `ApiError` with issues whose
 * pointers name the bad part of the rule.
 */
import type { FormDefinition, RuleDefinition } from '../../engine';
import { api } from '../api/api-client';

export type Text = { 'zh-CN'?: string; en?: string };

export interface DefinitionSummary {
  key: string;
  title: Text | null;
  latestVersion: number | null;
  hasDraft: boolean;
}

export interface StoredRule {
  key: string;
  version: number;
  status: 'draft' | 'published' | 'retired';
  app: string | null;
  body: RuleDefinition;
}

export interface FiringWindow {
  key: string;
  start: string | null;
  end: string | null;
}

/** An action as the dry run resolves it (`ResolvedAction` of the engine, loosely typed). */
export interface ResolvedActionView {
  type: string;
  [property: string]: unknown;
}

export interface DryRunFiringView {
  key: string;
  group: Record<string, unknown>;
  window: FiringWindow | null;
  at: string;
  recordId: string | null;
  records: string[];
  aggregates: Record<string, number | null>;
  actions: ResolvedActionView[];
}

export interface DryRunView {
  rule: string;
  version: number;
  from: string;
  to: string;
  firings: DryRunFiringView[];
  evaluated: number;
  suppressed: { duplicate: number; cooldown: number };
}

export interface FiringOutcome {
  type: string;
  id?: string;
  problems?: string[];
}

export interface FiringView {
  key: string;
  version: number;
  group: Record<string, unknown>;
  groupKey?: string;
  window: FiringWindow | null;
  at: string;
  records: string[];
  created: FiringOutcome[];
}

const path = (key: string) => `/api/rules/${encodeURIComponent(key)}`;

export const rulesApi = {
  list: async () => (await api<{ items: DefinitionSummary[] }>('/api/rules')).items,
  /** The draft if there is one, else the latest published version. */
  current: (key: string) => api<StoredRule>(path(key)),
  create: (body: RuleDefinition) => api<StoredRule>('/api/rules', { method: 'POST', body }),
  saveDraft: (key: string, body: RuleDefinition) => api<StoredRule>(path(key), { method: 'PUT', body }),
  version: (key: string, version: number) => api<StoredRule>(`${path(key)}?version=${version}`),
  /** Newest first, the draft (version 0) before all. */
  versions: async (key: string) =>
    (await api<{ items: { version: number; status: string }[] }>(`${path(key)}/versions`)).items,
  publish: (key: string) => api<StoredRule>(`${path(key)}/publish`, { method: 'POST' }),
  /** What the rule (its draft with `draft`) would have fired over `[from, to)`. */
  dryRun: (key: string, period: { from: string; to: string }, draft = false) =>
    api<DryRunView>(`${path(key)}/dry-run${draft ? '?draft=1' : ''}`, { method: 'POST', body: period }),
  firings: async (key: string) => (await api<{ items: FiringView[] }>(`${path(key)}/firings`)).items,
  forms: async () => (await api<{ items: DefinitionSummary[] }>('/api/forms')).items,
  form: async (key: string) =>
    (await api<{ body: FormDefinition }>(`/api/forms/${encodeURIComponent(key)}`)).body,
  flows: async () => (await api<{ items: DefinitionSummary[] }>('/api/flows')).items,
  flow: async (key: string) =>
    (
      await api<{ body: { form?: string; machine?: { states?: Record<string, unknown> } } }>(
        `/api/flows/${encodeURIComponent(key)}`,
      )
    ).body,
};
