/**
 * @module The values an action gives target fields (create-record's `map`, set-fields' `values`):
 * one row per field, each a record field, an aggregate, a group value, the window's name, a fixed
 * value or JSON-Logic (see `field-mapping.ts`).
 */
import { useState } from 'react';
import { useLocale } from '../i18n/locale-context';
import { fieldName } from './field-name';
import {
  fixedFromText,
  logicOf,
  MAPPING_KINDS,
  mappingOf,
  switchKind,
  type MappingKind,
  type MappingValue,
} from './field-mapping';
import type { LabelledField } from './rule-fields';
import { useRulesT } from './rules-messages';

interface MappingEditorProps {
  /** The fields that can be set (the target form's). */
  targets: readonly LabelledField[];
  /** The triggering record's fields. */
  sources: readonly LabelledField[];
  aggregates: readonly string[];
  groupFields: readonly string[];
  map: Record<string, unknown>;
  onChange(map: Record<string, unknown>): void;
}

function LogicInput({
  value,
  label,
  onChange,
}: {
  value: unknown;
  label: string;
  onChange(v: unknown): void;
}) {
  const t = useRulesT();
  const [text, setText] = useState(() => JSON.stringify(value));
  const [bad, setBad] = useState(false);
  return (
    <>
      <textarea
        aria-label={label}
        rows={2}
        value={text}
        aria-invalid={bad}
        onChange={(e) => {
          setText(e.target.value);
          try {
            onChange(JSON.parse(e.target.value));
            setBad(false);
          } catch {
            setBad(true);
          }
        }}
      />
      {bad ? <small className="error">{t('mapping.logicInvalid')}</small> : null}
    </>
  );
}

export function MappingEditor({
  targets,
  sources,
  aggregates,
  groupFields,
  map,
  onChange,
}: MappingEditorProps) {
  const t = useRulesT();
  const { locale } = useLocale();
  // Fields the author switched to JSON-Logic: shown as such even when their logic is a plain
  // reference (`{"var":"window.key"}`) that would otherwise read back as another kind.
  const [asLogic, setAsLogic] = useState<ReadonlySet<string>>(new Set());
  const entries = Object.entries(map);
  const unused = targets.filter((f) => !(f.key in map));
  const label = (key: string) => {
    const field = targets.find((f) => f.key === key);
    return field ? fieldName(field, locale) : key;
  };
  const setValue = (key: string, value: MappingValue) => onChange({ ...map, [key]: logicOf(value) });

  return (
    <div className="rule-mapping" role="group" aria-label={t('mapping.title')}>
      {entries.map(([key, logic]) => {
        const value: MappingValue = asLogic.has(key) ? { kind: 'logic', logic } : mappingOf(logic);
        const target = targets.find((f) => f.key === key);
        const name = label(key);
        return (
          <div key={key} className="rule-mapping-row">
            <span className="rule-mapping-target">{name}</span>
            <select
              aria-label={t('mapping.kind', { field: name })}
              value={value.kind}
              onChange={(e) => {
                const kind = e.target.value as MappingKind;
                const next = new Set(asLogic);
                if (kind === 'logic') next.add(key);
                else next.delete(key);
                setAsLogic(next);
                setValue(
                  key,
                  switchKind(value, kind, {
                    field: sources.find((s) => s.key === key)?.key ?? sources[0]?.key,
                    aggregate: aggregates[0],
                  }),
                );
              }}
            >
              {MAPPING_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`kind.${kind}`)}
                </option>
              ))}
            </select>
            {value.kind === 'record' ? (
              <select
                aria-label={t('mapping.value', { field: name })}
                value={value.field}
                onChange={(e) => setValue(key, { kind: 'record', field: e.target.value })}
              >
                {sources.some((s) => s.key === value.field) ? null : (
                  <option value={value.field}>{value.field}</option>
                )}
                {sources.map((s) => (
                  <option key={s.key} value={s.key}>
                    {fieldName(s, locale)}
                  </option>
                ))}
              </select>
            ) : null}
            {value.kind === 'group' ? (
              <select
                aria-label={t('mapping.value', { field: name })}
                value={value.field}
                onChange={(e) => setValue(key, { kind: 'group', field: e.target.value })}
              >
                {groupFields.includes(value.field) ? null : (
                  <option value={value.field}>{value.field}</option>
                )}
                {groupFields.map((g) => (
                  <option key={g} value={g}>
                    {g}
                  </option>
                ))}
              </select>
            ) : null}
            {value.kind === 'aggregate' ? (
              <select
                aria-label={t('mapping.value', { field: name })}
                value={value.name}
                onChange={(e) => setValue(key, { kind: 'aggregate', name: e.target.value })}
              >
                {aggregates.includes(value.name) ? null : <option value={value.name}>{value.name}</option>}
                {aggregates.map((a) => (
                  <option key={a} value={a}>
                    {a}
                  </option>
                ))}
              </select>
            ) : null}
            {value.kind === 'fixed' ? (
              <input
                aria-label={t('mapping.value', { field: name })}
                value={String(value.value)}
                onChange={(e) =>
                  setValue(key, {
                    kind: 'fixed',
                    value: fixedFromText(e.target.value, target?.numeric ?? false),
                  })
                }
              />
            ) : null}
            {value.kind === 'logic' ? (
              <LogicInput
                value={value.logic}
                label={t('mapping.value', { field: name })}
                onChange={(logic) => onChange({ ...map, [key]: logic })}
              />
            ) : null}
            <button
              type="button"
              className="link-button danger"
              aria-label={t('mapping.remove', { field: name })}
              onClick={() => {
                const next = new Set(asLogic);
                next.delete(key);
                setAsLogic(next);
                const { [key]: _removed, ...rest } = map;
                onChange(rest);
              }}
            >
              ✕
            </button>
          </div>
        );
      })}
      {unused.length > 0 ? (
        <label className="rule-mapping-add">
          {t('mapping.add')}
          <select
            value=""
            onChange={(e) => {
              const key = e.target.value;
              if (!key) return;
              const same = sources.find((s) => s.key === key);
              onChange({
                ...map,
                [key]: logicOf(same ? { kind: 'record', field: key } : { kind: 'fixed', value: '' }),
              });
            }}
          >
            <option value="">—</option>
            {unused.map((f) => (
              <option key={f.key} value={f.key}>
                {fieldName(f, locale)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </div>
  );
}
