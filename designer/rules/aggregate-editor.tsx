/**
 * @module One declared aggregate: its name (renaming rewrites the references to it), count / sum /
 * avg of a form's records, over a calendar day / week / month (the current one or one before) or
 * rolling N days, grouped by fields, dated by a field or by creation, with an optional filter built
 * with the condition builder over that form's fields.
 */
import { useState } from 'react';
import type { AggregateDefinition, RuleWindow } from '../../engine/rules/rule-definition.schema';
import { ConditionBuilder } from '../conditions/condition-builder';
import { pickText, useLocale } from '../i18n/locale-context';
import { fieldName } from './field-name';
import { IssueNotes } from './issue-notes';
import { AGGREGATE_NAME_PATTERN, type RuleChange } from './rule-draft';
import type { RuleIssue } from './rule-issues';
import { useRulesT } from './rules-messages';
import type { RuleDefinitions } from './use-rule-definitions';

interface AggregateEditorProps {
  name: string;
  aggregate: AggregateDefinition;
  taken: readonly string[];
  definitions: RuleDefinitions;
  issues: readonly RuleIssue[];
  dispatch(change: RuleChange): void;
}

type WindowChoice = 'day' | 'week' | 'month' | 'rolling';

function windowChoice(window: RuleWindow): WindowChoice {
  return window.type === 'rolling' ? 'rolling' : window.unit;
}

const DATE_TYPES = new Set(['date', 'datetime', 'date-time', 'time']);

export function AggregateEditor({
  name,
  aggregate,
  taken,
  definitions,
  issues,
  dispatch,
}: AggregateEditorProps) {
  const t = useRulesT();
  const { locale } = useLocale();
  const [draftName, setDraftName] = useState(name);
  const [seenName, setSeenName] = useState(name);
  if (seenName !== name) {
    setSeenName(name);
    setDraftName(name);
  }
  const nameOk = AGGREGATE_NAME_PATTERN.test(draftName) && (draftName === name || !taken.includes(draftName));
  const set = (next: AggregateDefinition) => dispatch({ type: 'aggregate', name, aggregate: next });
  const fields = definitions.fields.get(aggregate.form) ?? [];
  const numeric = fields.filter((f) => f.numeric);
  const groupable = fields.filter((f) => !f.multiple && f.type !== 'group');
  const dated = fields.filter((f) => DATE_TYPES.has(f.type));
  const window = aggregate.window;
  const offset =
    window.type === 'calendar' && 'offset' in window ? ((window as { offset?: number }).offset ?? 0) : 0;
  const id = `aggregate-${name}`;

  const setWindow = (choice: WindowChoice) =>
    set({
      ...aggregate,
      window: choice === 'rolling' ? { type: 'rolling', days: 30 } : { type: 'calendar', unit: choice },
    });

  return (
    <section className="card rule-aggregate" aria-labelledby={`${id}-title`}>
      <div className="rule-part-head">
        <h3 id={`${id}-title`}>{name}</h3>
        <button
          type="button"
          className="link-button danger"
          aria-label={t('aggregate.remove', { name })}
          onClick={() => dispatch({ type: 'aggregate-remove', name })}
        >
          ✕
        </button>
      </div>
      <div className="rule-fields">
        <label>
          {t('aggregate.name')}
          <input
            value={draftName}
            aria-invalid={!nameOk}
            onChange={(e) => setDraftName(e.target.value.trim())}
            onBlur={() => {
              if (nameOk && draftName !== name)
                dispatch({ type: 'aggregate-rename', from: name, to: draftName });
            }}
          />
          {!nameOk ? <small className="error">{t('aggregate.nameInvalid')}</small> : null}
        </label>
        <label>
          {t('aggregate.form')}
          <select
            value={aggregate.form}
            onChange={(e) => {
              const { filter: _f, dateField: _d, ...rest } = aggregate;
              set({ ...rest, form: e.target.value, groupBy: [], measure: { op: 'count' } });
            }}
          >
            {definitions.forms.map((f) => (
              <option key={f.key} value={f.key}>
                {f.title ? `${pickText(f.title, locale)} (${f.key})` : f.key}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('aggregate.measure')}
          <select
            value={aggregate.measure.op}
            onChange={(e) => {
              const op = e.target.value as 'count' | 'sum' | 'avg';
              set({
                ...aggregate,
                measure: op === 'count' ? { op } : { op, field: numeric[0]?.key ?? '' },
              });
            }}
          >
            {(['count', 'sum', 'avg'] as const).map((op) => (
              <option key={op} value={op}>
                {t(`measure.${op}`)}
              </option>
            ))}
          </select>
        </label>
        {aggregate.measure.op !== 'count' ? (
          <label>
            {t('aggregate.field')}
            <select
              value={aggregate.measure.field}
              onChange={(e) =>
                set({ ...aggregate, measure: { op: aggregate.measure.op as 'sum', field: e.target.value } })
              }
            >
              {numeric.map((f) => (
                <option key={f.key} value={f.key}>
                  {fieldName(f, locale)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label>
          {t('aggregate.window')}
          <select value={windowChoice(window)} onChange={(e) => setWindow(e.target.value as WindowChoice)}>
            {(['day', 'week', 'month', 'rolling'] as const).map((w) => (
              <option key={w} value={w}>
                {t(`window.${w}`)}
              </option>
            ))}
          </select>
        </label>
        {window.type === 'rolling' ? (
          <label>
            {t('aggregate.days')}
            <input
              type="number"
              min={1}
              max={366}
              value={window.days}
              onChange={(e) =>
                set({ ...aggregate, window: { type: 'rolling', days: Number(e.target.value) || 1 } })
              }
            />
          </label>
        ) : (
          <label>
            {t('aggregate.offset')}
            <select
              value={offset}
              onChange={(e) => {
                const value = Number(e.target.value);
                set({
                  ...aggregate,
                  window: (value === 0
                    ? { type: 'calendar', unit: window.unit }
                    : { type: 'calendar', unit: window.unit, offset: value }) as RuleWindow,
                });
              }}
            >
              {[0, -1, -2, -3, -6, -12].map((n) => (
                <option key={n} value={n}>
                  {n === 0 ? t('offset.0') : n === -1 ? t('offset.-1') : t('offset.n', { n: -n })}
                </option>
              ))}
            </select>
          </label>
        )}
        {dated.length > 0 ? (
          <label>
            {t('aggregate.dateField')}
            <select
              value={aggregate.dateField ?? ''}
              onChange={(e) => {
                const { dateField: _d, ...rest } = aggregate;
                set(e.target.value ? { ...rest, dateField: e.target.value } : rest);
              }}
            >
              <option value="">{t('aggregate.created')}</option>
              {dated.map((f) => (
                <option key={f.key} value={f.key}>
                  {fieldName(f, locale)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      <fieldset className="rule-group-by">
        <legend>{t('aggregate.groupBy')}</legend>
        {groupable.map((f) => {
          const on = (aggregate.groupBy ?? []).includes(f.key);
          return (
            <label key={f.key} className="inline rule-check">
              <input
                type="checkbox"
                checked={on}
                onChange={() =>
                  set({
                    ...aggregate,
                    groupBy: on
                      ? (aggregate.groupBy ?? []).filter((k) => k !== f.key)
                      : [...(aggregate.groupBy ?? []), f.key],
                  })
                }
              />
              {fieldName(f, locale)}
            </label>
          );
        })}
      </fieldset>
      <ConditionBuilder
        fields={fields}
        value={aggregate.filter}
        label={t('aggregate.filter')}
        onChange={(filter) => {
          const { filter: _f, ...rest } = aggregate;
          set(filter === undefined ? rest : { ...rest, filter });
        }}
      />
      <IssueNotes issues={issues} />
    </section>
  );
}
