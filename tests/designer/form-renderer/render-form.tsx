/**
 * @module Helpers of the form renderer's component tests: render a definition in a given UI locale,
 * read the messages a field shows (through its `aria-describedby`, as a screen reader would) and the
 * container of the field at a JSON Pointer.
 */
import { render } from '@testing-library/react';
import type { FormDefinition } from '../../../engine';
import type { ApiIssue } from '../../../designer/api/api-error';
import { FormRenderer, type FormRendererProps } from '../../../designer/form-renderer/form-renderer';
import { LocaleProvider, type UiLocale } from '../../../designer/i18n/locale-context';

export function renderForm(
  form: FormDefinition,
  options: Partial<FormRendererProps> & { locale?: UiLocale } = {},
) {
  const { locale = 'en', ...props } = options;
  const submitted: Record<string, unknown>[] = [];
  const onSubmit =
    props.onSubmit ??
    (async (data: Record<string, unknown>): Promise<ApiIssue[] | void> => {
      submitted.push(data);
    });
  const view = render(
    <LocaleProvider locale={locale}>
      <FormRenderer form={form} {...props} onSubmit={onSubmit} />
    </LocaleProvider>,
  );
  return { ...view, submitted };
}

/** The field container of the value at `pointer` (`/parts/0/qty`). */
export function fieldAt(container: HTMLElement, pointer: string): HTMLElement {
  const found = container.querySelector<HTMLElement>(`[data-field="${pointer}"]`);
  if (!found) throw new Error(`No field at ${pointer}`);
  return found;
}

/** The messages shown under the field at `pointer`. */
export function messagesOf(container: HTMLElement, pointer: string): string[] {
  const field = container.querySelector<HTMLElement>(`[data-field="${pointer}"]`);
  if (!field) return [];
  const list = field.querySelector(':scope > .field-messages, :scope > ul.field-messages');
  return list ? Array.from(list.querySelectorAll('li')).map((li) => li.textContent ?? '') : [];
}

/** The text an element's `aria-describedby` names (help text and messages). */
export function descriptionOf(element: Element): string {
  const ids = (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => element.ownerDocument.getElementById(id)?.textContent ?? '').join(' ');
}
