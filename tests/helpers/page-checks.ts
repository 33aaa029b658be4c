/**
 * @module What browser tests do and check on a page again and again: a mouse drag @dnd-kit and React
 * Flow recognise, "this page does not scroll sideways" (the phone-width promise), and how much of a
 * chart's canvas is painted (a blank chart is not).
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
  // Hovering first makes Playwright wait until the source stands still and is what the pointer hits
  // (on a busy machine the page may still be laying itself out).
  await source.hover();
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

/** Painted (non-white, non-transparent) pixels on the first canvas inside `selector`. */
export function paintedPixels(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const canvas = document.querySelector(`${sel} canvas`) as HTMLCanvasElement | null;
    if (!canvas) return 0;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3]! > 0 && (data[i]! < 240 || data[i + 1]! < 240 || data[i + 2]! < 240)) n++;
    }
    return n;
  }, selector);
}
