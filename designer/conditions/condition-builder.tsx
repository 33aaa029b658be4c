/**
 * @module Visual builder of a JSON-Logic condition over a form's fields (visibility, required-ness,
 * flow guards, rule conditions): AND / OR groups of comparisons whose operators and value inputs fit
 * each field's type. It reads existing logic back into that form; logic it cannot show (other
 * operations, computed operands) is kept untouched and shown read-only as JSON, with a way to start
 * over. It writes only whitelisted operations (see `condition-model.ts`).
 */
import { useId, useMemo, useState } from 'react';
import type { FieldInfo, LocalizedText } from '../../engine';
import { useMessages } from '../i18n/define-messages';
import { conditionMessages } from './condition-messages';
import { GroupEditor } from './condition-group-editor';
import { emptyGroup, readCondition, writeCondition, type ConditionGroup } from './condition-model';
import './conditions.css';

/** A field the condition may read, with the label to show for it. */
export type ConditionField = FieldInfo & {
  label?: LocalizedText | string;
  /** Labels of the option values of a choice field (shown instead of the bare values). */
  optionLabels?: Record<string, LocalizedText | string>;
};

export interface ConditionBuilderProps {
  fields: readonly ConditionField[];
  /** The JSON-Logic condition; undefined means "always". */
  value: unknown;
  onChange(value: unknown): void;
  /** Prefix of the `var` paths written, e.g. `record.` for rule conditions; default none (form data). */
  varPrefix?: string;
  /** Accessible name of the builder, e.g. "Visible when". */
  label?: string;
}

/**
 * The fields a comparison can name: fields inside a repeating group (`group.field`) hold one value per
 * row, which a plain comparison cannot read, so only the group itself (filled or not) is offered.
 */
function comparableFields(fields: readonly ConditionField[]): ConditionField[] {
  const groups = fields.filter((f) => f.type === 'group').map((f) => f.key + '.');
  return fields.filter((f) => !groups.some((g) => f.key.startsWith(g)));
}

function keyOf(value: unknown): string {
  return JSON.stringify(value ?? null);
}

export function ConditionBuilder({ fields, value, onChange, varPrefix = '', label }: ConditionBuilderProps) {
  const t = useMessages(conditionMessages);
  const labelId = useId();
  const usable = useMemo(() => comparableFields(fields), [fields]);
  const [tree, setTree] = useState<ConditionGroup | null>(() => readCondition(value, usable, varPrefix));
  // The logic last seen from the parent: the tree is re-read only when the value changes from outside,
  // so half-filled comparisons (not written yet) survive the round trip through the parent.
  const [seen, setSeen] = useState(() => keyOf(value));
  if (keyOf(value) !== seen) {
    setSeen(keyOf(value));
    setTree(readCondition(value, usable, varPrefix));
  }

  const update = (next: ConditionGroup) => {
    const logic = writeCondition(next, usable, varPrefix);
    setTree(next);
    setSeen(keyOf(logic));
    onChange(logic);
  };

  return (
    <div role="group" className="condition-builder" {...(label ? { 'aria-labelledby': labelId } : {})}>
      {label && (
        <div id={labelId} className="condition-label">
          {label}
        </div>
      )}
      {tree === null ? (
        <div className="condition-complex">
          <p className="muted">{t('complex')}</p>
          <pre aria-label={t('json')}>{JSON.stringify(value, null, 2)}</pre>
          <button type="button" onClick={() => update(emptyGroup())}>
            {t('replace')}
          </button>
        </div>
      ) : (
        <>
          {usable.length === 0 && tree.items.length === 0 ? (
            <p className="muted">{t('noFields')}</p>
          ) : (
            <GroupEditor group={tree} fields={usable} position="" depth={0} onChange={update} />
          )}
          {value !== undefined && (
            <details className="condition-json">
              <summary>{t('json')}</summary>
              <pre>{JSON.stringify(value)}</pre>
            </details>
          )}
        </>
      )}
    </div>
  );
}
