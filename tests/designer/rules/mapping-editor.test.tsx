// @vitest-environment jsdom
/**
 * The field mapping of a create-record action: each target field gets a record field, an aggregate,
 * a group value, the window's name, a fixed value or JSON-Logic, written as the expected JSON-Logic;
 * and an action shows the problems whose pointers name it.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { LocaleProvider } from '../../../designer/i18n/locale-context';
import { ActionEditor } from '../../../designer/rules/action-editor';
import { MappingEditor } from '../../../designer/rules/mapping-editor';
import type { LabelledField } from '../../../designer/rules/rule-fields';
import type { RuleDefinitions } from '../../../designer/rules/use-rule-definitions';

const sources: LabelledField[] = [
  { key: 'model', type: 'product', numeric: false, label: { en: 'Product model' } },
  { key: 'category', type: 'select', numeric: false, label: { en: 'Category' } },
];
const targets: LabelledField[] = [
  { key: 'model', type: 'text', numeric: false, label: { en: 'Model' } },
  { key: 'count', type: 'integer', numeric: true, label: { en: 'Complaints' } },
  { key: 'month', type: 'text', numeric: false, label: { en: 'Month' } },
];

let latest: Record<string, unknown> = {};
function Harness() {
  const [map, setMap] = useState<Record<string, unknown>>({});
  latest = map;
  return (
    <LocaleProvider locale="en">
      <MappingEditor
        targets={targets}
        sources={sources}
        aggregates={['screenCount']}
        groupFields={['model']}
        map={map}
        onChange={setMap}
      />
    </LocaleProvider>
  );
}

afterEach(cleanup);

describe('mapping editor', () => {
  it('writes each kind of value as JSON-Logic', () => {
    render(<Harness />);
    const add = () => screen.getByLabelText('Add field');
    fireEvent.change(add(), { target: { value: 'model' } });
    expect(latest).toEqual({ model: { var: 'record.model' } });
    fireEvent.change(screen.getByLabelText('Value of Model (model)'), { target: { value: 'group' } });
    expect(latest.model).toEqual({ var: 'group.model' });

    fireEvent.change(add(), { target: { value: 'count' } });
    expect(latest.count).toBe('');
    fireEvent.change(screen.getByLabelText('Value for Complaints (count)'), { target: { value: '7' } });
    expect(latest.count).toBe(7);
    fireEvent.change(screen.getByLabelText('Value of Complaints (count)'), {
      target: { value: 'aggregate' },
    });
    expect(latest.count).toEqual({ var: 'aggregates.screenCount' });

    fireEvent.change(add(), { target: { value: 'month' } });
    fireEvent.change(screen.getByLabelText('Value of Month (month)'), { target: { value: 'window' } });
    expect(latest.month).toEqual({ var: 'window.key' });
    fireEvent.change(screen.getByLabelText('Value of Month (month)'), { target: { value: 'logic' } });
    fireEvent.change(screen.getByLabelText('Value for Month (month)'), {
      target: { value: '{"substr":[{"var":"window.key"},0,4]}' },
    });
    expect(latest.month).toEqual({ substr: [{ var: 'window.key' }, 0, 4] });
    fireEvent.change(screen.getByLabelText('Value for Month (month)'), { target: { value: '{"substr"' } });
    expect(screen.getByText('Not valid JSON')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Remove Model (model)' }));
    expect(Object.keys(latest)).toEqual(['count', 'month']);
    expect(screen.queryByLabelText('Add field')).toBeTruthy();
  });
});

describe('action editor', () => {
  it('shows the problems of its action', () => {
    const definitions: RuleDefinitions = {
      forms: [],
      flows: [],
      fields: new Map(),
      infos: new Map(),
      stages: new Map(),
    };
    render(
      <LocaleProvider locale="en">
        <ActionEditor
          index={0}
          count={1}
          action={{ type: 'webhook', url: 'https://example.com/hook' }}
          recordFields={sources}
          aggregates={[]}
          groupFields={[]}
          definitions={definitions}
          issues={[{ code: 'unknown-secret', path: '/actions/0/secretRef', message: 'No such secret' }]}
          dispatch={() => undefined}
        />
      </LocaleProvider>,
    );
    expect(screen.getByRole('region', { name: 'Action 1' })).toBeTruthy();
    expect(screen.getByText('No such secret')).toBeTruthy();
    expect((screen.getByLabelText('URL') as HTMLInputElement).value).toBe('https://example.com/hook');
  });
});
