/**
 * @module Derives the JSON Schema 2020-12 of a form's data from its definition: what an integration or
 * the OpenAPI document publishes. A field is listed as `required` only when it always is (required,
 * with no condition on it or on an enclosing section); conditional required-ness and visibility are
 * JSON-Logic the engine evaluates, described by the `x-` annotations of each property.
 */
import { pickText } from '../issues/locale';
import type { FormDefinition } from './form-definition.schema';
import { formTree, type DataNode, type FormScope } from './form-tree';
import { fieldTypeOf } from './fields/field-types';
import type { DataSchema } from './fields/field-type';
import { GROUP_DEFAULT_MAX_ITEMS } from './fields/group-field';
import { compact } from './fields/data-fragments';

export interface DataSchemaOptions {
  /**
   * List always-required fields in `required` (default true). The compiled validator turns it off:
   * it decides required-ness itself, so a missing field points at the field and names it.
   */
  required?: boolean;
}

/** Whether a field is required whatever the data: `required`, not conditional, not computed. */
export function alwaysRequired(node: DataNode): boolean {
  const f = node.field;
  return (
    f.required === true &&
    f.requiredWhen === undefined &&
    node.visibleWhen.length === 0 &&
    node.computed === undefined
  );
}

function propertySchema(node: DataNode, options: DataSchemaOptions): DataSchema {
  const field = node.field;
  const base =
    field.type === 'group'
      ? compact({
          type: 'array',
          items: scopeSchema(node.rows as FormScope, options),
          minItems: field.minItems,
          maxItems: field.maxItems ?? GROUP_DEFAULT_MAX_ITEMS,
        })
      : fieldTypeOf(field).dataSchema(field);
  return compact({
    ...base,
    title: pickText(field.label, 'en', field.key),
    description: field.help === undefined ? undefined : pickText(field.help, 'en'),
    default: 'default' in field ? field.default : undefined,
    readOnly: node.computed !== undefined || field.readOnly === true ? true : undefined,
    'x-field-type': field.type,
    'x-label': field.label,
  });
}

function scopeSchema(scope: FormScope, options: DataSchemaOptions): DataSchema {
  const properties: Record<string, DataSchema> = {};
  for (const node of scope.nodes)
    if (!Object.hasOwn(properties, node.key)) properties[node.key] = propertySchema(node, options);
  const required = options.required === false ? [] : scope.nodes.filter(alwaysRequired).map((n) => n.key);
  return compact({
    type: 'object',
    properties,
    required: required.length > 0 ? [...new Set(required)] : undefined,
    additionalProperties: false,
  });
}

/** The JSON Schema 2020-12 of `form`'s data. */
export function formDataSchema(form: FormDefinition, options: DataSchemaOptions = {}): DataSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    ...(form.title ? { title: pickText(form.title, 'en', form.key) } : { title: form.key }),
    ...scopeSchema(formTree(form), options),
  };
}
