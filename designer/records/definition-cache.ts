/**
 * @module The definitions the inbox and the record page read labels from — a form or flow version
 * (`GET /api/forms/:key?version=N`), the lists of forms and flows, the people behind user ids — each
 * fetched once per page load and shared, since they do not change under a published version.
 */
import type { FlowDefinition, FormDefinition } from '../../engine';
import { api } from '../api/api-client';

export interface DefinitionSummary {
  key: string;
  title: { 'zh-CN'?: string; en?: string } | string | null;
  latestVersion: number | null;
}

export interface Person {
  id: string;
  username: string;
  displayName: string | null;
  roles: string[];
  team: string | null;
  active: boolean;
}

const cache = new Map<string, Promise<unknown>>();

function once<T>(key: string, load: () => Promise<T>): Promise<T> {
  let hit = cache.get(key) as Promise<T> | undefined;
  if (!hit) {
    hit = load();
    // A failure is not remembered: the next page may try again.
    hit.catch(() => cache.delete(key));
    cache.set(key, hit);
  }
  return hit;
}

export const formVersion = (key: string, version: number) =>
  once(
    `form:${key}@${version}`,
    async () =>
      (await api<{ body: FormDefinition }>(`/api/forms/${encodeURIComponent(key)}?version=${version}`)).body,
  );

export const flowVersion = (key: string, version: number) =>
  once(
    `flow:${key}@${version}`,
    async () =>
      (await api<{ body: FlowDefinition }>(`/api/flows/${encodeURIComponent(key)}?version=${version}`)).body,
  );

export const formList = () =>
  once('forms', async () => (await api<{ items: DefinitionSummary[] }>('/api/forms')).items);

/** The latest published version of every flow. */
export const publishedFlows = () =>
  once('flows', async () => {
    const { items } = await api<{ items: DefinitionSummary[] }>('/api/flows');
    const published = items.filter((f) => f.latestVersion !== null);
    return Promise.all(published.map((f) => flowVersion(f.key, f.latestVersion!)));
  });

export const people = () =>
  once('people', async () => (await api<{ items: Person[] }>('/api/tasks/people')).items);

/** Forgets the people (after an assignment the list is the same, but a new colleague may have come). */
export function forgetPeople(): void {
  cache.delete('people');
}

export const personName = (list: readonly Person[], id: string | null): string | null => {
  if (id === null) return null;
  const person = list.find((p) => p.id === id);
  return person ? (person.displayName ?? person.username) : id;
};
