/**
 * @module A JSON-Logic expression typed as JSON (the computed value of a field): applied once it
 * parses; the engine then checks the operations against its whitelist and the fields it reads.
 */
import { useState } from 'react';
import { useMessages } from '../i18n/define-messages';
import { formsMessages } from './forms-messages';
import { Described } from './property-inputs';

interface ExpressionEditorProps {
  name: string;
  value: unknown;
  onChange(value: unknown): void;
  issues?: readonly string[];
}

export function ExpressionEditor({ name, value, onChange, issues = [] }: ExpressionEditorProps) {
  const t = useMessages(formsMessages);
  const shown = value === undefined ? '' : JSON.stringify(value);
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  const [seen, setSeen] = useState(shown);
  if (shown !== seen) {
    setSeen(shown);
    setText(shown);
    setError(null);
  }
  const apply = (next: string) => {
    setText(next);
    if (next.trim() === '') {
      setError(null);
      setSeen('');
      onChange(undefined);
      return;
    }
    try {
      const parsed: unknown = JSON.parse(next);
      setError(null);
      setSeen(JSON.stringify(parsed));
      onChange(parsed);
    } catch (e) {
      setError(t('panel.badJson', { message: (e as Error).message }));
    }
  };
  return (
    <Described label={name} hint={t('panel.json')} issues={error ? [error, ...issues] : issues}>
      {(d) => (
        <textarea rows={3} className="mono" {...d} value={text} onChange={(e) => apply(e.target.value)} />
      )}
    </Described>
  );
}
