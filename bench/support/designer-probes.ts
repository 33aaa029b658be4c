/**
 * @module What the designer row measures inside the page, where the browser's own clock is: the
 * moment every field card of a form is on the canvas (and laid out), how long a drop takes to show the
 * new card, the longest frame while a drag moves, and the gzipped size of every script a first visit
 * fetches. The functions passed to `page.evaluate` / `addInitScript` run in Chromium, not in Node.
 */
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page, Response } from 'playwright-core';

/** Cards on the form canvas: sections, groups and fields alike. */
export const CANVAS_CARDS = '.canvas li.field-card';

declare global {
  interface Window {
    /** performance.now() when the canvas first held the awaited number of cards. */
    __benchCanvasInDom?: number;
    /** … and when they were laid out, just after. */
    __benchCanvasReady?: number;
    __benchDrag?: { up: number; inDom: number; shown: number; frames: number[] };
  }
}

/**
 * Before any script of the page runs: watches the DOM from navigation start until the canvas holds
 * `cards` cards, then forces layout (reads the last card's box) and stamps the time, relative to the
 * navigation's start (`performance.timeOrigin`).
 */
export function watchCanvasReady(context: BrowserContext, cards: number, selector = CANVAS_CARDS) {
  return context.addInitScript(
    ({ cards, selector }) => {
      const observer = new MutationObserver(() => {
        const found = document.querySelectorAll(selector);
        if (found.length < cards) return;
        window.__benchCanvasInDom = performance.now();
        found[found.length - 1]!.getBoundingClientRect();
        window.__benchCanvasReady = performance.now();
        observer.disconnect();
      });
      observer.observe(document, { childList: true, subtree: true });
    },
    { cards, selector },
  );
}

/** Waits for the stamps `watchCanvasReady` leaves: milliseconds from navigation start. */
export async function canvasReadyMs(page: Page): Promise<{ inDomMs: number; laidOutMs: number }> {
  await page.waitForFunction(() => window.__benchCanvasReady, undefined, { polling: 50 });
  return page.evaluate(() => ({
    inDomMs: window.__benchCanvasInDom!,
    laidOutMs: window.__benchCanvasReady!,
  }));
}

/**
 * Arms the page for one drag: the time of the pointer's release, the time the canvas first holds
 * more cards than now (laid out), and the length of every animation frame in between.
 */
export function armDrag(page: Page, selector = CANVAS_CARDS): Promise<void> {
  // A string, not a function: the TypeScript loader would wrap named functions in a helper the page lacks.
  return page.evaluate(`(() => {
    const selector = ${JSON.stringify(selector)};
    const before = document.querySelectorAll(selector).length;
    const drag = { up: 0, inDom: 0, shown: 0, frames: [] };
    window.__benchDrag = drag;
    addEventListener('pointerup', () => { drag.up = performance.now(); }, { capture: true, once: true });
    const observer = new MutationObserver(() => {
      const found = document.querySelectorAll(selector);
      if (found.length <= before) return;
      drag.inDom = performance.now();
      found[found.length - 1].getBoundingClientRect();
      drag.shown = performance.now();
      observer.disconnect();
    });
    observer.observe(document.body, { childList: true, subtree: true });
    let last = performance.now();
    const frame = (now) => {
      drag.frames.push(now - last);
      last = now;
      if (!drag.shown) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  })()`);
}

/** After the pointer is released: release → new card on the canvas, and the longest frame of the drag. */
export async function dragTimes(page: Page): Promise<DragTimes> {
  await page.waitForFunction(() => (window.__benchDrag?.shown ?? 0) > 0, undefined, { polling: 50 });
  return page.evaluate(() => {
    const drag = window.__benchDrag!;
    return {
      dropMs: drag.shown - drag.up,
      layoutMs: drag.shown - drag.inDom,
      longestFrameMs: Math.max(0, ...drag.frames),
    };
  });
}

export interface DragTimes {
  /** Release → the new card in the DOM and laid out. */
  dropMs: number;
  /** The laying out alone (the last part of `dropMs`). */
  layoutMs: number;
  /** The longest animation frame from arming to the new card. */
  longestFrameMs: number;
}

export interface ScriptBytes {
  /** Scripts fetched, by path. */
  urls: string[];
  /** Their bodies gzipped with node:zlib at its default level, summed. */
  gzipBytes: number;
  rawBytes: number;
  /** Whether any of them is (or holds) ECharts. */
  hasECharts: boolean;
}

/** Marks only ECharts' bundle carries: the attribute it sets on every chart's container. */
const ECHARTS_MARK = '_echarts_instance_';

/** Collects every script response of `page` from now on; `done()` sums what arrived. */
export function collectScripts(page: Page): { done(): Promise<ScriptBytes> } {
  const pending: Promise<{ url: string; body: Buffer } | null>[] = [];
  const onResponse = (response: Response) => {
    const isScript =
      response.request().resourceType() === 'script' || /\.m?js(\?|$)/.test(new URL(response.url()).pathname);
    if (!isScript) return;
    pending.push(
      response.body().then(
        (body) => ({ url: new URL(response.url()).pathname, body }),
        () => null,
      ),
    );
  };
  page.on('response', onResponse);
  return {
    async done() {
      page.off('response', onResponse);
      const scripts = (await Promise.all(pending)).filter((s) => s !== null);
      return {
        urls: scripts.map((s) => s.url),
        gzipBytes: scripts.reduce((sum, s) => sum + gzipSync(s.body).length, 0),
        rawBytes: scripts.reduce((sum, s) => sum + s.body.length, 0),
        hasECharts: scripts.some((s) => s.body.includes(ECHARTS_MARK)),
      };
    },
  };
}
