/**
 * @module The draft's problems, as the engine finds them in the browser (`validateDefinition('flow', …)`
 * with what is known of the stored forms and calendars) merged with the server's 422 issues for the
 * exact document it was sent (any edit makes them stale), and placed on stages and transitions.
 */
import { useMemo } from 'react';
import { validateDefinition } from '../../engine';
import type { ApiIssue } from '../api/api-error';
import { useLocale } from '../i18n/locale-context';
import { flowCheckContext } from './flow-check-context';
import { asDefinition, type FlowDoc } from './flow-doc';
import { mergeIssues, placeIssues, type IssueLike, type PlacedIssues } from './flow-issues';
import type { Loading } from './use-flow-data';
import type { LabelledField } from './sla-dimensions';

export interface ServerIssues {
  doc: FlowDoc;
  issues: ApiIssue[];
}

export interface FlowIssues {
  all: IssueLike[];
  placed: PlacedIssues<IssueLike>;
}

export function useFlowIssues(
  doc: FlowDoc,
  known: { forms: readonly string[]; calendars: readonly string[] },
  formFields: Loading<LabelledField[] | undefined>,
  server: ServerIssues | null,
): FlowIssues {
  const { locale } = useLocale();
  const context = useMemo(() => {
    // While the form's fields load, leave external references unchecked rather than flag them.
    if (formFields.status === 'loading') return undefined;
    const form =
      doc.form !== undefined && formFields.status === 'ready' && formFields.value
        ? { key: doc.form, fields: formFields.value }
        : undefined;
    return flowCheckContext({ forms: known.forms, calendars: known.calendars, ...(form ? { form } : {}) });
  }, [doc.form, formFields, known.forms, known.calendars]);

  return useMemo(() => {
    const engine = validateDefinition('flow', asDefinition(doc), { locale, ...(context ? { context } : {}) });
    const all = mergeIssues<IssueLike>(engine, server && server.doc === doc ? server.issues : []);
    return { all, placed: placeIssues(doc, all) };
  }, [doc, context, locale, server]);
}
