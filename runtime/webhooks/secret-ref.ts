/**
 * @module Signing secrets named by reference: a rule's webhook action names its secret (`secretRef`),
 * never holds it; the delivery worker reads it from the environment variable
 * `CLOSEDLOOP_SECRET_<REF in UPPER_SNAKE>` when it sends (`erp-hook` and `erpHook` → `CLOSEDLOOP_SECRET_ERP_HOOK`),
 * so a secret is rotated by changing the environment, and it never lands in a definition or the database.
 */

export type Environment = Readonly<Record<string, string | undefined>>;

/** The environment variable holding the secret named `ref`. */
export function secretEnvName(ref: string): string {
  const snake = ref
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  return `CLOSEDLOOP_SECRET_${snake}`;
}

/** The secret named `ref`, or undefined when its variable is unset or empty. */
export function readSecret(ref: string, env: Environment = process.env): string | undefined {
  const value = env[secretEnvName(ref)];
  return value === undefined || value === '' ? undefined : value;
}
