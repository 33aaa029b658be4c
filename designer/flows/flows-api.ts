/**
 * @module Typed calls of the flow designer: flows (list, read, create, save the draft, publish), the
 * forms a flow can move, stored calendars, and the roles of the flow's app (from its export, the one
 * place the API lists an app's roles).
 */
import { api } from '../api/api-client';
import type { FormDefinition } from '../../engine';
import type { FlowDoc, Text } from './flow-doc';

export interface DefinitionSummary {
  key: string;
  title: Text | null;
  latestVersion: number | null;
  hasDraft: boolean;
}

export interface StoredDefinition<B> {
  kind: string;
  key: string;
  version: number;
  status: 'draft' | 'published' | 'retired';
  app: string | null;
  body: B;
}

export interface RoleSummary {
  key: string;
  title?: Text;
}

const path = (key: string) => `/api/flows/${encodeURIComponent(key)}`;

export const listFlows = async () => (await api<{ items: DefinitionSummary[] }>('/api/flows')).items;

export const getFlow = (key: string) => api<StoredDefinition<FlowDoc>>(path(key));

export const createFlow = (doc: FlowDoc) => api<StoredDefinition<FlowDoc>>('/api/flows', { body: doc });

export const saveFlow = (key: string, doc: FlowDoc) =>
  api<StoredDefinition<FlowDoc>>(path(key), { method: 'PUT', body: doc });

export const publishFlow = (key: string) =>
  api<StoredDefinition<FlowDoc>>(path(key) + '/publish', { method: 'POST' });

export const listForms = async () => (await api<{ items: DefinitionSummary[] }>('/api/forms')).items;

export const getForm = async (key: string) =>
  (await api<StoredDefinition<FormDefinition>>(`/api/forms/${encodeURIComponent(key)}`)).body;

/** Stored calendars (the built-in ones are not listed: every installation has them). */
export async function listCalendars(): Promise<DefinitionSummary[]> {
  try {
    return (await api<{ items: DefinitionSummary[] }>('/api/calendars')).items;
  } catch {
    return [];
  }
}

/** The roles of app `app`; none when the app cannot be read (no app, or no right to export it). */
export async function appRoles(app: string | null): Promise<RoleSummary[]> {
  if (!app) return [];
  try {
    const bundle = await api<{ roles?: RoleSummary[] }>(`/api/apps/${encodeURIComponent(app)}/export`);
    return (bundle.roles ?? []).map((r) => (r.title ? { key: r.key, title: r.title } : { key: r.key }));
  } catch {
    return [];
  }
}
