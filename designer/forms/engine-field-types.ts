/**
 * @module The field types the engine supports and what each allows, read from the engine's form
 * meta-schema (`formDefinitionSchema`) rather than copied: the palette, the property panel and the
 * condition builder follow the engine when a field type or a setting is added there.
 */
import { formDefinitionSchema } from '../../engine';

/** A JSON Schema fragment of the meta-schema, read loosely. */
export interface SchemaNode {
  type?: string | string[];
  const?: unknown;
  enum?: readonly unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, SchemaNode>;
  required?: readonly string[];
  items?: SchemaNode;
  $ref?: string;
}

const defs = formDefinitionSchema.$defs as unknown as Record<string, SchemaNode>;

function resolve(node: SchemaNode): SchemaNode {
  const name = node.$ref?.replace('#/$defs/', '');
  return (name && defs[name]) || node;
}

/** The branch of a top-level field of each type, in the engine's registry order (containers last). */
const branches: SchemaNode[] = (
  (defs.fields0 as { items?: { oneOf?: SchemaNode[] } } | undefined)?.items?.oneOf ?? []
).map(resolve);

function typeOf(branch: SchemaNode): string {
  return String(branch.properties?.type?.const ?? '');
}

/** Every field type a form may hold, data fields first, then `section` and `group`. */
export const FIELD_TYPES: readonly string[] = branches.map(typeOf).filter(Boolean);

/** Types that hold other fields. */
export const CONTAINER_TYPES: ReadonlySet<string> = new Set(
  branches.filter((b) => b.properties?.fields !== undefined).map(typeOf),
);

export function isContainerType(type: string): boolean {
  return CONTAINER_TYPES.has(type);
}

/** How deep sections and groups may nest: the meta-schema unrolls one `section<n>` per level. */
export const MAX_CONTAINER_DEPTH: number = Object.keys(defs).filter((name) =>
  /^section\d+$/.test(name),
).length;

const byType = new Map(branches.map((b) => [typeOf(b), b]));

/** The properties a field of `type` may have, as the meta-schema lists them (in its order). */
export function fieldTypeProperties(type: string): Record<string, SchemaNode> {
  return byType.get(type)?.properties ?? {};
}

/** The properties a field of `type` must have. */
export function requiredProperties(type: string): readonly string[] {
  return byType.get(type)?.required ?? [];
}

/** Whether fields of `type` may have `property`. */
export function allowsProperty(type: string, property: string): boolean {
  return property in fieldTypeProperties(type);
}

/** The fixed scale of a survey type (rating 1–5, NPS 0–10, CES 1–7), from the bounds of its default. */
export function scaleOf(type: string): { min: number; max: number } | undefined {
  const schema = fieldTypeProperties(type).default;
  if (schema?.type !== 'integer' || schema.minimum === undefined || schema.maximum === undefined)
    return undefined;
  return { min: schema.minimum, max: schema.maximum };
}

/** The pattern a field key must match. */
export const FIELD_KEY_PATTERN = new RegExp(fieldTypeProperties('text').key?.pattern ?? '^[A-Za-z]\\w*$');

/** The pattern a form key must match. */
export const FORM_KEY_PATTERN = new RegExp(
  (formDefinitionSchema.properties.key as SchemaNode).pattern ?? '^[a-z][a-z0-9_-]*$',
);
