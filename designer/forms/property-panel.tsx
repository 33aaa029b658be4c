/**
 * @module The property panel of the selected field. What it offers comes from the engine's
 * meta-schema for the field's type — label and help in zh-CN and en, key, required, options, bounds,
 * pattern, default, the type's own settings — and each property shows the problems the engine (in the
 * browser, or the server on save) found in it. Visibility and required-ness are set with the visual
 * condition builder.
 */
import type { ReactNode } from 'react';
import { ConditionBuilder, type ConditionField } from '../conditions/condition-builder';
import { useMessages } from '../i18n/define-messages';
import { DefaultEditor } from './default-editor';
import { fieldTypeProperties, FIELD_KEY_PATTERN, type SchemaNode } from './engine-field-types';
import { ExpressionEditor } from './expression-editor';
import { useFieldTypeNames } from './field-type-messages';
import type { FieldProps } from './form-draft-tree';
import { formsMessages, type FormsMessage } from './forms-messages';
import type { PlacedIssue } from './issue-paths';
import { OptionsEditor } from './options-editor';
import {
  BooleanInput,
  ChoiceInput,
  Described,
  IssueMessages,
  ListInput,
  LocalizedInput,
  NumberInput,
  TextInput,
} from './property-inputs';

export interface PropertyPanelProps {
  field: FieldProps;
  /** Sets properties; `undefined` removes one. */
  onChange(patch: Record<string, unknown>): void;
  /** Problems of this field, placed on its properties (see issue-paths). */
  issues?: readonly PlacedIssue[];
  /** The fields its conditions may compare. */
  conditionFields?: readonly ConditionField[];
}

/** Where each property is shown; properties the engine adds later land in "settings". */
const SECTIONS: [FormsMessage, readonly string[]][] = [
  ['panel.basics', ['label', 'key', 'required', 'help', 'placeholder', 'default', 'readOnly']],
  [
    'panel.settings',
    [
      'options',
      'multiple',
      'unit',
      'currency',
      'region',
      'level',
      'source',
      'role',
      'collapsed',
      'addLabel',
      'indexed',
    ],
  ],
  [
    'panel.limits',
    [
      'minLength',
      'maxLength',
      'minimum',
      'maximum',
      'minItems',
      'maxItems',
      'pattern',
      'rows',
      'maxFiles',
      'maxSize',
      'accept',
    ],
  ],
  ['panel.conditions', ['visibleWhen', 'requiredWhen']],
  ['panel.advanced', ['computed']],
];
const NOT_EDITED = new Set(['type', 'fields']);

function isLocalizedSchema(schema: SchemaNode): boolean {
  return schema.type === 'object' && schema.properties !== undefined && 'zh-CN' in schema.properties;
}

/** Friendly wording for the problems business users meet most; the engine's message otherwise. */
function issueText(placed: PlacedIssue, t: (key: FormsMessage) => string): string {
  const { issue, property } = placed;
  if (property === 'key' && issue.code === 'pattern-mismatch') return t('panel.keyPattern');
  if (property === 'fields' && issue.code === 'too-short') return t('issue.emptyContainer');
  return issue.message;
}

export function PropertyPanel({ field, onChange, issues = [], conditionFields = [] }: PropertyPanelProps) {
  const t = useMessages(formsMessages);
  const names = useFieldTypeNames();
  const schema = fieldTypeProperties(field.type);
  const issuesOf = (property: string) =>
    issues.filter((p) => p.property === property).map((p) => issueText(p, t));
  const set = (property: string) => (value: unknown) => onChange({ [property]: value });

  const keyValid = FIELD_KEY_PATTERN.test(field.key);
  const keyIssues = keyValid
    ? issuesOf('key')
    : [
        t('panel.keyPattern'),
        ...issues
          .filter((p) => p.property === 'key' && p.issue.code !== 'pattern-mismatch')
          .map((p) => p.issue.message),
      ];

  function editor(property: string): ReactNode {
    const propSchema = schema[property] ?? {};
    const name = names.propertyName(property);
    const value = field[property];
    const common = { name, value, issues: issuesOf(property) };
    switch (property) {
      case 'key':
        return (
          <Described label={name} hint={t('panel.keyHint')} issues={keyIssues}>
            {(d) => (
              <input
                type="text"
                {...d}
                value={field.key}
                onChange={(e) => onChange({ key: e.target.value })}
              />
            )}
          </Described>
        );
      case 'options':
        return (
          <OptionsEditor
            name={name}
            value={value}
            onChange={set('options')}
            issues={issues.filter((p) => p.property === 'options')}
          />
        );
      case 'default':
        return (
          <DefaultEditor name={name} field={field} onChange={set('default')} issues={issuesOf('default')} />
        );
      case 'visibleWhen':
      case 'requiredWhen':
        return (
          <div className="property-condition">
            <ConditionBuilder fields={conditionFields} value={value} onChange={set(property)} label={name} />
            <IssueMessages messages={issuesOf(property)} />
          </div>
        );
      case 'computed':
        return <ExpressionEditor {...common} onChange={set(property)} />;
      case 'accept':
        return <ListInput {...common} onChange={set(property)} hint={t('panel.listHint')} />;
    }
    if (isLocalizedSchema(propSchema))
      return <LocalizedInput {...common} multiline={property === 'help'} onChange={set(property)} />;
    if (propSchema.type === 'boolean') return <BooleanInput {...common} onChange={set(property)} />;
    if (propSchema.type === 'integer' || propSchema.type === 'number')
      return <NumberInput {...common} integer={propSchema.type === 'integer'} onChange={set(property)} />;
    if (propSchema.enum)
      return (
        <ChoiceInput
          {...common}
          choices={propSchema.enum.map((v) => ({
            value: String(v),
            label: names.enumName(property, String(v)),
          }))}
          onChange={set(property)}
        />
      );
    if (propSchema.type === 'string') return <TextInput {...common} onChange={set(property)} />;
    if (propSchema.type === 'array') return <ListInput {...common} onChange={set(property)} />;
    return <ExpressionEditor {...common} onChange={set(property)} />;
  }

  const listed = new Set(SECTIONS.flatMap(([, props]) => props));
  const extra = Object.keys(schema).filter((p) => !listed.has(p) && !NOT_EDITED.has(p));
  const sections = SECTIONS.map(([title, props]) => {
    const shown = [...props, ...(title === 'panel.settings' ? extra : [])].filter((p) => p in schema);
    return [title, shown] as const;
  }).filter(([, shown]) => shown.length > 0);
  const containerIssues = issuesOf('fields').concat(issuesOf('type'), issuesOf(''));

  return (
    <section className="property-panel" aria-label={t('panel.title')}>
      <h2>{t('panel.title')}</h2>
      <p className="muted">{t('panel.type', { type: names.typeName(field.type) })}</p>
      <IssueMessages messages={containerIssues} />
      {sections.map(([title, shown]) => (
        <fieldset key={title} className="property-section">
          <legend>{t(title)}</legend>
          {shown.map((property) => (
            <div key={property} className="property" data-property={property}>
              {editor(property)}
            </div>
          ))}
        </fieldset>
      ))}
    </section>
  );
}
