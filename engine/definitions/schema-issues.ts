/**
 * @module Validates a document against a meta-schema and turns Ajv's errors into issues whose path
 * points at the offending part itself (an unknown key points at that key, a missing one at where it
 * belongs), deduplicated.
 */
import type { ErrorObject } from 'ajv';
import { createIssue, type Issue } from '../issues/issue';
import { childPointer } from '../issues/json-pointer';
import type { Locale } from '../issues/locale';
import { definitionMessages } from './definition-messages';
import { metaValidator } from './definition-ajv';

function toIssue(error: ErrorObject, locale: Locale): Issue {
  const p = error.params as Record<string, unknown>;
  const at = error.instancePath;
  const make = (code: string, path: string, params: Record<string, unknown>) =>
    createIssue(definitionMessages, code, path, params, locale);
  switch (error.keyword) {
    case 'additionalProperties':
      return make('unknown-key', childPointer(at, String(p.additionalProperty)), {
        key: p.additionalProperty,
      });
    case 'unevaluatedProperties':
      return make('unknown-key', childPointer(at, String(p.unevaluatedProperty)), {
        key: p.unevaluatedProperty,
      });
    case 'required':
      return make('missing-key', childPointer(at, String(p.missingProperty)), { key: p.missingProperty });
    case 'type':
      return make('wrong-type', at, { expected: p.type });
    case 'enum':
      return make('not-allowed-value', at, { allowed: p.allowedValues });
    case 'const':
      return make('not-allowed-value', at, { allowed: [p.allowedValue] });
    case 'discriminator':
      return p.error === 'mapping'
        ? make('unknown-variant', childPointer(at, String(p.tag)), { property: p.tag, value: p.tagValue })
        : make('missing-key', childPointer(at, String(p.tag)), { key: p.tag });
    case 'pattern':
      return make('pattern-mismatch', at, { pattern: p.pattern });
    case 'minimum':
    case 'exclusiveMinimum':
      return make('too-small', at, { limit: p.limit });
    case 'maximum':
    case 'exclusiveMaximum':
      return make('too-large', at, { limit: p.limit });
    case 'minLength':
    case 'minItems':
    case 'minProperties':
      return make('too-short', at, { limit: p.limit });
    case 'maxLength':
    case 'maxItems':
    case 'maxProperties':
      return make('too-long', at, { limit: p.limit });
    case 'uniqueItems':
      return make('duplicate-items', at, {});
    default:
      return make('invalid', at, { detail: error.message ?? error.keyword });
  }
}

const depth = (instancePath: string) => (instancePath === '' ? 0 : instancePath.split('/').length - 1);

/**
 * For a value that matched no branch of a oneOf / anyOf, Ajv reports every branch's errors. Keep only
 * the branch the author most likely meant: one whose type fits and whose errors reach deepest into
 * the value (fewest errors on a tie), so `{ target: 3 }` gets "target must be a string", not also
 * "must be a string" for the whole transition.
 */
function keepLikelyBranches(errors: ErrorObject[]): ErrorObject[] {
  const dropped = new Set<ErrorObject>();
  const unions = errors
    .filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')
    .sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const union of unions) {
    if (dropped.has(union)) continue;
    const branches = new Map<string, ErrorObject[]>();
    for (const error of errors) {
      if (dropped.has(error) || !error.schemaPath.startsWith(union.schemaPath + '/')) continue;
      const branch = error.schemaPath.slice(union.schemaPath.length + 1).split('/')[0] as string;
      branches.set(branch, [...(branches.get(branch) ?? []), error]);
    }
    if (branches.size < 2) continue;
    const score = (branchErrors: ErrorObject[]) =>
      branchErrors.some((e) => e.keyword === 'type' && e.instancePath === union.instancePath)
        ? -1
        : Math.max(...branchErrors.map((e) => depth(e.instancePath)));
    const ranked = [...branches.values()].sort((a, b) => score(b) - score(a) || a.length - b.length);
    for (const losing of ranked.slice(1)) for (const error of losing) dropped.add(error);
  }
  return errors.filter((e) => !dropped.has(e));
}

/** Issues of `doc` against `schema`; `[]` when it conforms. */
export function schemaIssues(schema: object, doc: unknown, locale: Locale = 'en'): Issue[] {
  const validate = metaValidator(schema);
  if (validate(doc)) return [];
  const seen = new Set<string>();
  const issues: Issue[] = [];
  for (const error of keepLikelyBranches(validate.errors ?? [])) {
    // oneOf / anyOf summaries repeat what their branches already said.
    if (error.keyword === 'oneOf' || error.keyword === 'anyOf' || error.keyword === 'if') continue;
    const issue = toIssue(error, locale);
    const id = `${issue.code} ${issue.path}`;
    if (!seen.has(id)) {
      seen.add(id);
      issues.push(issue);
    }
  }
  return issues;
}
