/**
 * @module The rule designer's toolbar: save the draft, publish it, and enable / disable the rule
 * (enabled is part of the definition, so toggling it saves and publishes a new version); it shows the
 * published version and whether it is enabled, and what the last command did.
 */
import { useRulesT } from './rules-messages';

interface RuleToolbarProps {
  publishedVersion: number | null;
  publishedEnabled: boolean | null;
  busy: boolean;
  message: { text: string; error: boolean } | null;
  onSave(): void;
  onPublish(): void;
  onToggle(): void;
}

export function RuleToolbar(props: RuleToolbarProps) {
  const t = useRulesT();
  const { publishedVersion, publishedEnabled, busy, message } = props;
  return (
    <div className="rule-toolbar card">
      <span className="muted small">
        {publishedVersion === null
          ? t('toolbar.draftStatus')
          : t('toolbar.status', {
              version: publishedVersion,
              state: publishedEnabled ? t('list.enabled') : t('list.disabled'),
            })}
      </span>
      <span className="rule-toolbar-buttons">
        <button type="button" onClick={props.onSave} disabled={busy}>
          {t('toolbar.save')}
        </button>
        <button type="button" className="primary" onClick={props.onPublish} disabled={busy}>
          {t('toolbar.publish')}
        </button>
        <button type="button" onClick={props.onToggle} disabled={busy}>
          {publishedEnabled ? t('toolbar.disable') : t('toolbar.enable')}
        </button>
      </span>
      {message ? (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'ok-text'}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
