/** @module The rule's own settings: its names in both languages, time zone and cool-down. */
import type { RuleDefinition } from '../../engine';
import { IssueNotes } from './issue-notes';
import type { RuleChange } from './rule-draft';
import type { RuleIssue } from './rule-issues';
import { useRulesT } from './rules-messages';

const ZONES = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Tokyo',
  'Asia/Singapore',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'UTC',
];

export function RuleSettings({
  rule,
  issues,
  dispatch,
}: {
  rule: RuleDefinition;
  issues: readonly RuleIssue[];
  dispatch(change: RuleChange): void;
}) {
  const t = useRulesT();
  const zones = ZONES.includes(rule.timezone) ? ZONES : [rule.timezone, ...ZONES];
  return (
    <section className="card rule-section" aria-labelledby="rule-settings-title">
      <h2 id="rule-settings-title">{t('settings.title')}</h2>
      <div className="rule-fields">
        <label>
          {t('settings.nameZh')}
          <input
            value={rule.title['zh-CN'] ?? ''}
            onChange={(e) => dispatch({ type: 'title', locale: 'zh-CN', text: e.target.value })}
          />
        </label>
        <label>
          {t('settings.nameEn')}
          <input
            value={rule.title.en ?? ''}
            onChange={(e) => dispatch({ type: 'title', locale: 'en', text: e.target.value })}
          />
        </label>
        <label>
          {t('settings.timezone')}
          <select
            value={rule.timezone}
            onChange={(e) => dispatch({ type: 'timezone', timezone: e.target.value })}
          >
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('settings.cooldown')}
          <input
            type="number"
            min={0}
            step="any"
            value={rule.cooldown?.days ?? ''}
            onChange={(e) =>
              dispatch({ type: 'cooldown', days: e.target.value === '' ? null : Number(e.target.value) })
            }
          />
        </label>
      </div>
      <IssueNotes issues={issues} />
    </section>
  );
}
