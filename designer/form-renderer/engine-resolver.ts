/**
 * @module The react-hook-form resolver over the engine: `compileForm(form).validate(values, { now,
 * locale })`, so every message is the engine's own in the UI locale and the values handed to submit
 * are the engine's settled data (defaults filled, computed fields set, hidden fields dropped) — what
 * the server will store.
 */
import type { FieldValues, Resolver } from 'react-hook-form';
import type { CompiledForm, Locale } from '../../engine';
import { issuesToErrors } from './engine-issues';

export interface ResolverOptions {
  locale(): Locale;
  now?(): Date;
}

export function engineResolver(compiled: CompiledForm, options: ResolverOptions): Resolver<FieldValues> {
  return (values) => {
    let result;
    try {
      result = compiled.validate(values, { locale: options.locale(), now: options.now?.() ?? new Date() });
    } catch (error) {
      // A draft with a broken expression: say so instead of letting the form submit unchecked.
      return {
        values: {},
        errors: issuesToErrors(compiled.form, [
          { code: 'engine-error', path: '', message: String((error as Error).message ?? error) },
        ]),
      };
    }
    if (result.ok) return { values: result.value, errors: {} };
    return { values: {}, errors: issuesToErrors(compiled.form, result.issues) };
  };
}
