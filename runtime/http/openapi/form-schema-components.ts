/**
 * @module The form meta-schema as OpenAPI components. `formDefinitionSchema` refers to its own `$defs`
 * (`#/$defs/fields0`, `#/$defs/text`, …); inside an OpenAPI document `#` is the document, so each
 * `$defs` entry becomes a component of its own (`FormDefinition.fields0`) and every internal `$ref` is
 * rewritten to point at it. Everything else is the engine's schema as it is — derived from the imported
 * object each time the document is built, never copied by hand.
 */
import { formDefinitionSchema } from '../../../engine';
import type { JsonObject } from './openapi-parts';

export const FORM_DEFINITION = 'FormDefinition';

const componentOf = (def: string) => `${FORM_DEFINITION}.${def}`;

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (typeof value !== 'object' || value === null) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === '$ref' && typeof child === 'string') {
      const match = /^#\/\$defs\/([^/]+)$/.exec(child);
      if (!match) throw new Error(`The form meta-schema has a $ref OpenAPI cannot place: ${child}`);
      out[key] = `#/components/schemas/${componentOf(match[1]!)}`;
    } else {
      out[key] = rewriteRefs(child);
    }
  }
  return out;
}

/** `FormDefinition` and one `FormDefinition.<def>` component per `$defs` entry. */
export function formSchemaComponents(): Record<string, JsonObject> {
  const { $defs, ...root } = formDefinitionSchema as unknown as JsonObject & { $defs: JsonObject };
  const components: Record<string, JsonObject> = {
    [FORM_DEFINITION]: rewriteRefs(root) as JsonObject,
  };
  for (const [def, schema] of Object.entries($defs)) {
    components[componentOf(def)] = rewriteRefs(schema) as JsonObject;
  }
  return components;
}
