/**
 * @module The signed-in customer control: a search-as-you-type combobox over the customer form (the
 * field's `source`). Each match shows the name, tier and phone; picking one stores its id, shows its
 * name (never the raw id) and copies the field's `fill` values into the form at once, as the server
 * does on submit, so required contact fields are not left empty in the browser. A stored id is looked
 * up once to show its name. Typing again clears the choice until another customer is picked.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useFormContext } from 'react-hook-form';
import { ApiError } from '../api/api-error';
import { useMessages } from '../i18n/define-messages';
import { controlAttributes } from './control-attributes';
import { searchCustomers, type CustomerMatch } from './customer-api';
import { customerMessages } from './customer-messages';
import type { FieldControlProps, FieldOf } from './field-props';
import './customer-picker.css';

type Props = FieldControlProps<FieldOf<'customer'>> & { source: string };
type Search =
  { state: 'idle' } | { state: 'searching' } | { state: 'done' } | { state: 'failed'; message: string };

const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

export function CustomerPicker(props: Props) {
  const { field, source, value, onChange, readOnly } = props;
  const t = useMessages(customerMessages);
  const form = useFormContext() as ReturnType<typeof useFormContext> | null;
  const listId = `${useId().replace(/:/g, '')}-customers`;
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<CustomerMatch | null>(null);
  const [matches, setMatches] = useState<CustomerMatch[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [search, setSearch] = useState<Search>({ state: 'idle' });
  const pending = useRef<AbortController | null>(null);

  // A stored id (an edited record, a prefilled link): show the customer's name instead of the id.
  useEffect(() => {
    if (typeof value !== 'string' || value === '' || value === chosen?.id) return;
    let live = true;
    setText(value);
    searchCustomers(source, value).then(
      (items) => {
        const found = items.find((c) => c.id === value);
        if (!live || !found) return;
        setChosen(found);
        setText(found.name ?? found.id);
      },
      () => undefined, // the id stays visible: still a working value
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value, source]);

  function find(query: string) {
    pending.current?.abort();
    const controller = new AbortController();
    pending.current = controller;
    setSearch({ state: 'searching' });
    searchCustomers(source, query.trim(), controller.signal).then(
      (items) => {
        if (controller.signal.aborted) return;
        setMatches(items);
        setActive(items.length > 0 ? 0 : -1);
        setSearch({ state: 'done' });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setMatches([]);
        const message = error instanceof ApiError || error instanceof Error ? error.message : String(error);
        setSearch({ state: 'failed', message });
      },
    );
  }

  function type(next: string) {
    setText(next);
    setOpen(true);
    if (chosen || !isEmpty(value)) {
      setChosen(null);
      onChange('');
    }
    find(next);
  }

  function pick(customer: CustomerMatch) {
    setChosen(customer);
    setText(customer.name ?? customer.id);
    setOpen(false);
    onChange(customer.id);
    // The same copy the server makes: the customer's values replace the targets' (a new customer).
    for (const [target, from] of Object.entries((field.fill ?? {}) as Record<string, string>)) {
      const copied = customer.data[from];
      if (isEmpty(copied)) continue;
      form?.setValue(target, structuredClone(copied), { shouldDirty: true });
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        if (search.state === 'idle') find(text);
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (matches.length === 0 ? -1 : (i + step + matches.length) % matches.length));
    } else if (event.key === 'Enter' && open && matches[active]) {
      event.preventDefault();
      pick(matches[active]);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
    }
  }

  const attributes = controlAttributes<HTMLInputElement>(props, 'readOnly');
  const optionId = (i: number) => `${listId}-${i}`;
  const showList = open && !readOnly;
  return (
    <div className="customer-picker">
      <input
        {...attributes}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={showList && matches.length > 0}
        aria-controls={listId}
        aria-activedescendant={showList && matches[active] ? optionId(active) : undefined}
        placeholder={t('searchPlaceholder')}
        value={text}
        maxLength={100}
        onChange={(e) => type(e.target.value)}
        onKeyDown={onKeyDown}
        onFocus={() => {
          if (readOnly || chosen) return;
          setOpen(true);
          if (search.state === 'idle') find(text);
        }}
        onBlur={() => {
          setOpen(false);
          props.onBlur();
        }}
      />
      {chosen && (chosen.tier || chosen.phone) && (
        <p className="customer-chosen muted">
          {t('chosen', { tier: chosen.tier ?? '—', phone: chosen.phone ?? '—' })}
        </p>
      )}
      <ul id={listId} role="listbox" className="customer-options" hidden={!showList || matches.length === 0}>
        {matches.map((customer, i) => (
          <li
            key={customer.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            // Keeps the focus in the input, so its blur does not close the list before the click.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(customer)}
          >
            <span className="customer-name">{customer.name ?? customer.id}</span>
            {customer.tier && <span className="customer-tier">{customer.tier}</span>}
            {customer.phone && <span className="muted">{customer.phone}</span>}
          </li>
        ))}
      </ul>
      {showList && (
        <p className="customer-search-status muted" role="status">
          {search.state === 'searching'
            ? t('searching')
            : search.state === 'failed'
              ? t('searchFailed', { message: search.message })
              : search.state === 'done' && matches.length === 0 && text.trim() !== ''
                ? t('noMatch', { text: text.trim() })
                : search.state === 'done'
                  ? t('matches', { count: matches.length })
                  : ''}
        </p>
      )}
    </div>
  );
}
