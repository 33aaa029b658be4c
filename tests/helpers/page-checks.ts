/**
 * @module What browser tests do and check on a page again and again: a mouse drag @dnd-kit and React
 * Flow recognise, and "this page does not scroll sideways" (the phone-width promise).
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** A mouse drag in many small steps, as @dnd-kit needs to see the pointer move. */
export async function dragWithMouse(
  page: Page,
  source: Locator,
  target: Locator,
  at: 'center' | 'end' = 'center',
): Promise<void> {
  await source.scrollIntoViewIfNeeded();
  const from = await source.boundingBox();
  if (!from) throw new Error('drag source not visible');
  const x0 = from.x + from.width / 2;
  const y0 = from.y + from.height / 2;
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  await page.mouse.move(x0 + 12, y0 + 6, { steps: 4 });
  const to = await target.boundingBox();
  if (!to) throw new Error('drop target not visible');
  const x1 = to.x + to.width / 2;
  const y1 = at === 'end' ? to.y + to.height - 14 : to.y + to.height / 2;
  await page.mouse.move(x1, y1, { steps: 25 });
  await page.mouse.move(x1 + 2, y1 + 1, { steps: 3 });
  await page.mouse.up();
}

/** How far the page is wider than the window (≤ 0: no sideways scrolling). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
}
