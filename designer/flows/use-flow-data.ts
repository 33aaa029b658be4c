/**
 * @module What the flow designer loads besides the draft it edits: the stored flow, the forms and
 * calendars it may name and its app's roles (all at once, before the canvas shows), then the fields of
 * whichever form the draft names (again whenever the author picks another).
 */
import { useEffect, useState } from 'react';
import { ApiError } from '../api/api-error';
import {
  appRoles,
  getFlow,
  getForm,
  listCalendars,
  listFlows,
  listForms,
  type DefinitionSummary,
  type RoleSummary,
  type StoredDefinition,
} from './flows-api';
import type { FlowDoc } from './flow-doc';
import { formFieldOptions } from './form-field-options';
import type { LabelledField } from './sla-dimensions';

export interface FlowResources {
  stored: StoredDefinition<FlowDoc>;
  forms: DefinitionSummary[];
  calendars: string[];
  roles: RoleSummary[];
  /** The latest published version; null when the flow was never published. */
  publishedVersion: number | null;
}

export type Loading<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; error: string };

export function useFlowResources(key: string): Loading<FlowResources> {
  const [state, setState] = useState<Loading<FlowResources>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    (async () => {
      const stored = await getFlow(key);
      const [forms, calendars, roles, flows] = await Promise.all([
        listForms().catch(() => []),
        listCalendars(),
        appRoles(stored.app),
        listFlows().catch(() => []),
      ]);
      const publishedVersion = flows.find((f) => f.key === key)?.latestVersion ?? null;
      return { stored, forms, calendars: calendars.map((c) => c.key), roles, publishedVersion };
    })().then(
      (value) => live && setState({ status: 'ready', value }),
      (error: unknown) =>
        live && setState({ status: 'failed', error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return state;
}

/** The fields of form `formKey`: loading, ready, or failed (no such form); undefined key → ready with none. */
export function useFormFields(formKey: string | undefined): Loading<LabelledField[] | undefined> {
  const [state, setState] = useState<{
    key: string | undefined;
    value: Loading<LabelledField[] | undefined>;
  }>({
    key: undefined,
    value: { status: 'ready', value: undefined },
  });
  useEffect(() => {
    if (formKey === undefined) return;
    let live = true;
    getForm(formKey).then(
      (form) => live && setState({ key: formKey, value: { status: 'ready', value: formFieldOptions(form) } }),
      (error: unknown) =>
        live &&
        setState({
          key: formKey,
          value: { status: 'failed', error: error instanceof ApiError ? error.code : String(error) },
        }),
    );
    return () => {
      live = false;
    };
  }, [formKey]);
  if (formKey === undefined) return { status: 'ready', value: undefined };
  return state.key === formKey ? state.value : { status: 'loading' };
}
