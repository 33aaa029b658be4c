/**
 * @module Shared set-up of the attachment suites and the fill-page browser test: the public repair
 * request form with a photo field and the CSAT survey (tests/fixtures/runtime/*.form.json), published
 * through the DefinitionStore, and a small valid PNG.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DefinitionStore } from '../../../runtime/definitions/definition-store';
import type { RuntimeContext } from '../../../runtime/runtime-context';

const root = join(import.meta.dirname, '../../..');

const readForm = (name: string) =>
  JSON.parse(readFileSync(join(root, 'tests/fixtures/runtime', `${name}.form.json`), 'utf8')) as Record<
    string,
    unknown
  >;

export const repairRequestForm = readForm('repair-request');
export const csatForm = readForm('csat');

/** A 2×2 red PNG (73 bytes). */
export const SMALL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==',
  'base64',
);

export async function publishForm(runtime: RuntimeContext, body: Record<string, unknown>): Promise<void> {
  const store = new DefinitionStore(runtime);
  await store.saveDraft('form', body.key as string, body, null);
  await store.publish('form', body.key as string, null);
}
