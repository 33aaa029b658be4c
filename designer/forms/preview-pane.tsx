/**
 * @module The live preview: the draft rendered by the shared FormRenderer (the same component and the
 * same engine validation as the public fill page), once the engine finds no problem in the draft.
 * A renderer failure shows as a message, not as a broken designer.
 */
import { Component, memo, type ReactNode } from 'react';
import type { FormDefinition } from '../../engine';
import { FormRenderer } from '../form-renderer/form-renderer';
import { useMessages } from '../i18n/define-messages';
import { formsMessages } from './forms-messages';

class PreviewBoundary extends Component<
  { children: ReactNode; failed(message: string): ReactNode },
  { error: Error | null }
> {
  override state: { error: Error | null } = { error: null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    return this.state.error ? this.props.failed(this.state.error.message) : this.props.children;
  }
}

interface PreviewPaneProps {
  /** The draft as last checked; null until its first check has run. */
  definition: FormDefinition | null;
  /** Whether the draft has problems (the preview waits for them to be fixed). */
  blocked: boolean;
}

/**
 * Memoised: the page re-renders on every edit and drop, and re-rendering a long form's preview when
 * the checked draft has not changed would cost as much as the canvas itself.
 */
export const PreviewPane = memo(function PreviewPane({ definition, blocked }: PreviewPaneProps) {
  const t = useMessages(formsMessages);
  let body: ReactNode;
  if (!definition) body = <p className="muted">{t('loading')}</p>;
  else if (definition.fields.length === 0) body = <p className="muted">{t('preview.empty')}</p>;
  else if (blocked) body = <p className="muted">{t('preview.blocked')}</p>;
  else
    body = (
      <PreviewBoundary
        key={JSON.stringify(definition)}
        failed={(message) => <p className="error">{t('preview.failed', { message })}</p>}
      >
        <FormRenderer form={definition} />
      </PreviewBoundary>
    );
  return (
    <section className="preview" aria-labelledby="preview-title">
      <h2 id="preview-title">{t('preview.title')}</h2>
      <div className="preview-frame">{body}</div>
    </section>
  );
});
