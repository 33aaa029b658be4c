/**
 * @module Renders a form definition as a fillable form (react-hook-form), validated with the engine's
 * compiled validator so the designer preview, the public page and the server say the same thing:
 * the resolver is `compileForm(form).validate`, every message is the engine's in the UI locale under
 * the field its JSON Pointer names, and after a first submit every change re-checks the whole form
 * (a change can make another field required). Visibility, required-ness and computed values follow
 * the definition's expressions as the user types. Issues a server answers (a 422) land the same way.
 */
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { FormProvider, set, useForm, useWatch, type FieldErrors } from 'react-hook-form';
import { compileForm, type CompiledForm, type FormDefinition } from '../../engine';
import { ApiError, type ApiIssue } from '../api/api-error';
import { useMessages } from '../i18n/define-messages';
import { pickText, useLocale } from '../i18n/locale-context';
import { FORM_ERROR, groupIssues, issueErrorName, messagesAt } from './engine-issues';
import { engineResolver } from './engine-resolver';
import { FieldList } from './field-list';
import { initialValues } from './initial-values';
import { RendererContext, type RendererState } from './renderer-context';
import { rendererMessages } from './renderer-messages';
import './form-renderer.css';

export interface FormRendererProps {
  /** The definition to render: a published version, or the draft being designed (preview). */
  form: FormDefinition;
  /** Starting values (e.g. a record being edited); defaults from the definition otherwise. */
  initialData?: Record<string, unknown>;
  /**
   * Called with valid data (engine-validated). Resolve with issues (e.g. a server 422) to show them on
   * their fields; resolve with nothing when accepted.
   */
  onSubmit?(data: Record<string, unknown>): Promise<ApiIssue[] | void>;
  submitLabel?: string;
  /** Where attachment fields upload to; without it they are disabled (e.g. in the designer preview). */
  uploadUrl?: string;
  readOnly?: boolean;
}

/** The compiled form, or why a draft cannot be compiled (the preview shows it instead of crashing). */
function useCompiled(form: FormDefinition): { compiled?: CompiledForm; problem?: string } {
  return useMemo(() => {
    try {
      return { compiled: compileForm(form) };
    } catch (error) {
      return { problem: String((error as Error).message ?? error) };
    }
  }, [form]);
}

export function FormRenderer(props: FormRendererProps) {
  const { compiled, problem } = useCompiled(props.form);
  const t = useMessages(rendererMessages);
  if (!compiled) {
    return (
      <p className="error" role="alert">
        {t('cannotRender', { message: problem ?? '' })}
      </p>
    );
  }
  return <CompiledFormRenderer {...props} compiled={compiled} />;
}

function CompiledFormRenderer({
  form,
  compiled,
  initialData,
  onSubmit,
  submitLabel,
  uploadUrl,
  readOnly = false,
}: FormRendererProps & { compiled: CompiledForm }) {
  const { locale } = useLocale();
  const t = useMessages(rendererMessages);
  const idPrefix = useId().replace(/:/g, '');
  const localeRef = useRef(locale);
  localeRef.current = locale;
  const methods = useForm<Record<string, unknown>>({
    defaultValues: initialValues(form, initialData),
    resolver: engineResolver(compiled, { locale: () => localeRef.current }),
    mode: 'onSubmit',
    // Re-checking is done for the whole form below, not field by field.
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
  });
  const { control, formState, handleSubmit, trigger, setError, getValues } = methods;
  const values = useWatch({ control }) as Record<string, unknown>;
  const [status, setStatus] = useState<'valid' | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // The engine's live view of the data. A draft with a broken expression shows every field.
  const live = useMemo(() => {
    const options = { locale, now: new Date() };
    try {
      return {
        visible: compiled.visible(values, options),
        required: compiled.required(values, options),
        settled: compiled.validate(values, options).value,
      };
    } catch {
      return { visible: {}, required: {}, settled: {} };
    }
    // `values` is a fresh object whenever anything changed.
  }, [compiled, values, locale]);

  // After a first submit, every change re-checks the whole form, so messages follow the data.
  const valuesKey = JSON.stringify(values);
  useEffect(() => {
    if (formState.isSubmitted) void trigger();
  }, [valuesKey, locale]);

  // After a refused submit, the first field with a message gets the focus (and scrolls into view).
  useEffect(() => {
    if (formState.submitCount === 0 || Object.keys(formState.errors).length === 0) return;
    const first = formRef.current?.querySelector<HTMLElement>(
      '.invalid input:not([type=hidden]), .invalid select, .invalid textarea, .invalid button, .form-problems',
    );
    first?.focus?.();
    first?.scrollIntoView?.({ block: 'center' });
  }, [formState.submitCount]);

  function showIssues(issues: readonly ApiIssue[]) {
    for (const [name, error] of groupIssues(form, issues)) setError(name, error);
  }

  const submit = handleSubmit(async (data) => {
    setStatus(null);
    if (!onSubmit) {
      setStatus('valid');
      return;
    }
    try {
      const issues = await onSubmit(data);
      if (issues && issues.length > 0) showIssues(issues);
    } catch (error) {
      if (error instanceof ApiError && error.issues.length > 0) showIssues(error.issues);
      else
        setError(FORM_ERROR, {
          type: 'submit-failed',
          message: t('submitFailed', { message: String((error as Error).message ?? error) }),
        });
    }
  });

  const state: RendererState = {
    ...live,
    errors: formState.errors,
    readOnly,
    upload: uploadUrl ? { url: uploadUrl } : undefined,
    idPrefix,
    checkValue(name, pointer, value) {
      const data = structuredClone(getValues());
      set(data, name, value);
      let issues;
      try {
        issues = compiled.validate(data, { locale: localeRef.current, now: new Date() }).issues;
      } catch {
        return [];
      }
      return issues
        .filter((issue) => issueErrorName(form, issue) === name)
        .map((issue) => ({ path: issue.path.slice(pointer.length), message: issue.message }));
    },
  };

  const formMessages = messagesAt(formState.errors, FORM_ERROR);
  const errorCount = countErrors(formState.errors);
  return (
    <FormProvider {...methods}>
      <RendererContext.Provider value={state}>
        <form
          ref={formRef}
          className="form-renderer"
          noValidate
          aria-label={pickText(form.title, locale) || form.key}
          onSubmit={(e: FormEvent) => {
            if (readOnly) e.preventDefault();
            else void submit(e);
          }}
        >
          <FieldList fields={form.fields} baseName="" basePointer="" />
          {formMessages.length > 0 && (
            <ul className="form-problems error" role="alert" tabIndex={-1}>
              {formMessages.map((message, i) => (
                <li key={i}>{message}</li>
              ))}
            </ul>
          )}
          {!readOnly && (
            <div className="form-actions">
              {errorCount > 0 && formMessages.length === 0 && (
                <p className="error" role="status">
                  {t('attention')}
                </p>
              )}
              {status === 'valid' && errorCount === 0 && (
                <p className="ok" role="status">
                  {t('valid')}
                </p>
              )}
              <button type="submit" className="primary" disabled={formState.isSubmitting}>
                {formState.isSubmitting
                  ? t('submitting')
                  : (submitLabel ?? (onSubmit ? t('submit') : t('check')))}
              </button>
            </div>
          )}
        </form>
      </RendererContext.Provider>
    </FormProvider>
  );
}

/** Fields with a message (errors nest: rows of groups hold their fields' errors). */
function countErrors(errors: FieldErrors | undefined): number {
  if (!errors || typeof errors !== 'object') return 0;
  let n = 0;
  for (const [key, value] of Object.entries(errors)) {
    if (key === 'ref' || value === undefined || value === null || typeof value !== 'object') continue;
    if ('message' in value || 'types' in value) n += 1;
    else n += countErrors(value as FieldErrors);
  }
  return n;
}
