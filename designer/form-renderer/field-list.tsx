/**
 * @module Renders a list of fields of one data scope (the form, or one row of a group): sections as
 * folding blocks, groups as rows of their own fields, every other field through its type's control in
 * the field frame, with the engine's live visibility, required-ness and computed values.
 */
import { Controller, get, useFormContext } from 'react-hook-form';
import { childPointer, type FieldDefinition } from '../../engine';
import { fieldViewOf } from '../fields/field-registry';
import type { LeafField } from '../fields/field-props';
import { describedBy, FieldShell } from '../fields/field-shell';
import { GroupField } from '../fields/group-field';
import { SectionField } from '../fields/section-field';
import { pickText, useLocale } from '../i18n/locale-context';
import { errorName, messagesAt } from './engine-issues';
import { scopeFields } from './field-pointers';
import { newRow } from './initial-values';
import { useRenderer, type RendererState } from './renderer-context';

interface Place {
  /** react-hook-form name of the scope ('' for the form, `parts.0` for a row). */
  baseName: string;
  /** JSON Pointer of the scope ('' or `/parts/0`). */
  basePointer: string;
}

const join = (base: string, key: string) => (base === '' ? key : `${base}.${key}`);
const idOf = (prefix: string, name: string) => `${prefix}-${name.replace(/\./g, '-')}`;

/** Whether any data field of a section is shown. */
function anyVisible(state: RendererState, fields: readonly FieldDefinition[], basePointer: string): boolean {
  return [...scopeFields(fields).keys()].some(
    (key) => state.visible[childPointer(basePointer, key)] !== false,
  );
}

/** Whether any field of a section has a message (so the section opens). */
function anyMessages(state: RendererState, fields: readonly FieldDefinition[], baseName: string): boolean {
  return [...scopeFields(fields)].some(([key, field]) => {
    const name = join(baseName, key);
    return field.type === 'group'
      ? get(state.errors, name) !== undefined
      : messagesAt(state.errors, name).length > 0;
  });
}

export function FieldList({ fields, ...place }: Place & { fields: readonly FieldDefinition[] }) {
  return (
    <>
      {fields.map((field, i) => (
        <FieldNode key={`${field.key}-${i}`} field={field} {...place} />
      ))}
    </>
  );
}

function FieldNode({ field, baseName, basePointer }: Place & { field: FieldDefinition }) {
  const state = useRenderer();
  const { locale } = useLocale();
  const label = pickText(field.label, locale) || field.key;
  const help = field.help ? pickText(field.help, locale) : undefined;
  if (field.type === 'section') {
    if (!anyVisible(state, field.fields, basePointer)) return null;
    return (
      <SectionField
        field={field}
        label={pickText(field.label, locale)}
        help={help}
        hasMessages={anyMessages(state, field.fields, baseName)}
      >
        <FieldList fields={field.fields} baseName={baseName} basePointer={basePointer} />
      </SectionField>
    );
  }
  const name = join(baseName, field.key);
  const pointer = childPointer(basePointer, field.key);
  if (state.visible[pointer] === false) return null;
  if (field.type === 'group') {
    return (
      <GroupField
        field={field}
        id={idOf(state.idPrefix, name)}
        name={name}
        pointer={pointer}
        label={label}
        help={help}
        required={state.required[pointer] === true}
        messages={messagesAt(state.errors, errorName(pointer, true))}
        readOnly={state.readOnly || field.readOnly === true}
        newRow={() => newRow(field)}
        renderRow={(rowName, rowPointer) => (
          <FieldList fields={field.fields} baseName={rowName} basePointer={rowPointer} />
        )}
      />
    );
  }
  return <LeafNode field={field} name={name} pointer={pointer} label={label} help={help} />;
}

function LeafNode({
  field,
  name,
  pointer,
  label,
  help,
}: {
  field: LeafField;
  name: string;
  pointer: string;
  label: string;
  help: string | undefined;
}) {
  const state = useRenderer();
  const { control } = useFormContext();
  const view = fieldViewOf(field.type);
  const frame = typeof view.frame === 'function' ? view.frame(field as never) : view.frame;
  const id = idOf(state.idPrefix, name);
  const messages = messagesAt(state.errors, name);
  const required = state.required[pointer] === true;
  const computed = 'computed' in field && field.computed !== undefined;
  const common = {
    field,
    id,
    name,
    label,
    required,
    invalid: messages.length > 0,
    describedBy: describedBy(id, help, messages),
    upload: state.upload,
    checkValue: (value: unknown) => state.checkValue(name, pointer, value),
  };
  const shell = (control: React.ReactNode) => (
    <FieldShell
      frame={frame}
      pointer={pointer}
      id={id}
      label={label}
      help={help}
      required={required && !computed}
      messages={messages}
      computed={computed}
    >
      {control}
    </FieldShell>
  );
  const Control = view.Control;
  if (computed) {
    // Shown, never edited: the engine recomputes it from the other fields on every change.
    return shell(
      <Control
        {...common}
        value={get(state.settled, name)}
        onChange={() => undefined}
        onBlur={() => undefined}
        readOnly
      />,
    );
  }
  return (
    <Controller
      name={name}
      control={control}
      render={({ field: bound }) =>
        shell(
          <Control
            {...common}
            value={bound.value}
            onChange={bound.onChange}
            onBlur={bound.onBlur}
            inputRef={bound.ref}
            readOnly={state.readOnly || field.readOnly === true}
          />,
        )
      }
    />
  );
}
