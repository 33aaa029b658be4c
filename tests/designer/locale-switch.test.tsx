// @vitest-environment jsdom
/** The zh-CN / en switch: flips every string of the page and is remembered for the next visit. */
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LocaleProvider, useT } from '../../designer/i18n/locale-context';
import { LocaleSwitch } from '../../designer/shell/locale-switch';

function Greeting() {
  const t = useT();
  return <h1>{t('home.title', { name: '王工' })}</h1>;
}

describe('locale switch', () => {
  afterEach(() => {
    cleanup();
    localStorage.clear();
  });

  it('switches the UI language and remembers it', () => {
    const view = () => (
      <LocaleProvider>
        <Greeting />
        <LocaleSwitch />
      </LocaleProvider>
    );
    localStorage.setItem('closedloop.locale', 'zh-CN');
    const { unmount } = render(view());
    expect(screen.getByRole('heading').textContent).toBe('欢迎，王工');
    act(() => screen.getByTestId('locale-switch').click());
    expect(screen.getByRole('heading').textContent).toBe('Welcome, 王工');
    unmount();
    render(view());
    expect(screen.getByRole('heading').textContent).toBe('Welcome, 王工');
  });
});
