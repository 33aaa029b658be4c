/**
 * @module Typed calls of the forms API (`runtime/http/definition-routes.ts`): list, read (the draft
 * or the latest version; `?version=N` for a published one), create, save the draft, publish, and the
 * version history. Failures throw `ApiError` with issues whose pointers name the bad part.
 */
import type { FormDefinition } from '../../engine';
import { api } from '../api/api-client';

export interface FormListItem {
  key: string;
  title: { 'zh-CN'?: string; en?: string } | null;
  latestVersion: number | null;
  hasDraft: boolean;
}

export interface FormVersionSummary {
  key: string;
  /** 0 for the draft. */
  version: number;
  status: 'draft' | 'published' | 'retired';
  hash: string;
  createdBy: string | null;
  createdAt: string;
}

export interface StoredForm extends FormVersionSummary {
  body: FormDefinition;
}

const base = (key: string) => `/api/forms/${encodeURIComponent(key)}`;

export const formsApi = {
  list: async (): Promise<FormListItem[]> => (await api<{ items: FormListItem[] }>('/api/forms')).items,
  /** The draft if there is one, else the latest published version. */
  current: (key: string) => api<StoredForm>(base(key)),
  version: (key: string, version: number) => api<StoredForm>(`${base(key)}?version=${version}`),
  create: (body: FormDefinition) => api<StoredForm>('/api/forms', { method: 'POST', body }),
  saveDraft: (key: string, body: FormDefinition) => api<StoredForm>(base(key), { method: 'PUT', body }),
  publish: (key: string) => api<StoredForm>(`${base(key)}/publish`, { method: 'POST' }),
  /** Newest first, the draft (version 0) before all. */
  versions: async (key: string): Promise<FormVersionSummary[]> =>
    (await api<{ items: FormVersionSummary[] }>(`${base(key)}/versions`)).items,
};
