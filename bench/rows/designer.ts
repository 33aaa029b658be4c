/**
 * @module Row 8: the designer in headless Chromium (Debian's, through playwright-core) against a
 * runtime serving the production build over a fresh SQLite store.
 *
 * - First render: a 200-field form draft (8 sections of 25 fields, every palette type but the customer)
 *   stored through the API; a new tab of a signed-in browser opens `/forms/<key>` — from navigation
 *   start (`performance.timeOrigin`) until the canvas holds all 208 cards (200 fields + 8 sections),
 *   laid out (a MutationObserver installed before any page script; layout forced on the last card).
 *   The bundles are in the browser's cache, as for a designer who has used the app before. The
 *   engine's check of the draft (its problems on the cards) and the live preview follow in a deferred
 *   render and are not inside this figure (they land some 0.5–1.5 s later on this machine).
 * - Drag: three mouse drags per run (down, 30 moves, up — as the browser tests drag with @dnd-kit) of
 *   "Single-line text" from the palette onto the third card of the first section; from the pointer's
 *   release to the new card in the canvas, laid out, timed in the page. The longest animation frame
 *   while the drag moves is reported beside it.
 * - Initial JS: a signed-in user opening `/` (which shows the inbox) in a browser with an empty cache:
 *   every script the network delivers until the inbox's heading shows and the network is idle, each
 *   body gzipped with node:zlib at its default level. The signed-out visit (the sign-in page) is
 *   reported beside it.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createUser } from '../../runtime/auth/users';
import { createApp } from '../../runtime/create-app';
import { DESIGNER_DIST, ensureDesignerBuilt } from '../../runtime/designer/designer-build';
import { bulkForm } from '../../examples/demo-data/bulk-form';
import type { BenchDatabase, BenchRow } from '../bench-row';
import {
  BENCH_PASSWORD as PASSWORD,
  benchLogger,
  call,
  expectStatus,
  listen,
  login,
  type RunningServer,
} from '../support/bench-http';
import {
  armDrag,
  canvasReadyMs,
  CANVAS_CARDS,
  collectScripts,
  dragTimes,
  watchCanvasReady,
  type DragTimes,
  type ScriptBytes,
} from '../support/designer-probes';

const CHROMIUM = process.env.CLOSEDLOOP_CHROMIUM ?? '/usr/bin/chromium';
const FORM_KEY = 'bench-200';
const FIELDS = 200;
const SECTIONS = 8;
const DRAGS_PER_RUN = 3;
const VIEWPORT = { width: 1280, height: 800 };
const TARGET = { renderMs: 1000, dragMs: 100, initialJsKb: 350 };

interface DesignerState {
  db: BenchDatabase;
  server: RunningServer;
  browser: Browser;
  /** The session cookie of the signed-in designer. */
  cookie: { name: string; value: string };
  /** A signed-in browser whose cache holds the bundles. */
  warm: BrowserContext;
}

/** Signs in over HTTP and stores the 200-field draft as the designer's "save draft" would. */
async function prepare(origin: string) {
  const session = await login(origin, 'bench-admin');
  await expectStatus(
    'store the 200-field draft',
    call(origin, 'POST', '/api/forms', bulkForm(FORM_KEY, FIELDS, SECTIONS), session),
    201,
  );
  const [name, value] = session.cookie!.split('=') as [string, string];
  return { name, value };
}

/** A fresh browser profile (empty cache), holding the designer's session cookie when `signedIn`. */
async function newContext(
  state: Pick<DesignerState, 'browser' | 'server' | 'cookie'>,
  signedIn: boolean,
): Promise<BrowserContext> {
  const context = await state.browser.newContext({ viewport: VIEWPORT, locale: 'en-US' });
  if (signedIn) await context.addCookies([{ ...state.cookie, url: state.server.origin }]);
  return context;
}

/** Scripts fetched by a first visit to `/` with an empty cache, until `ready` shows and the network rests. */
async function firstVisitScripts(state: DesignerState, signedIn: boolean): Promise<ScriptBytes> {
  const context = await newContext(state, signedIn);
  try {
    const page = await context.newPage();
    const scripts = collectScripts(page);
    await page.goto(state.server.origin + '/');
    const ready = signedIn
      ? page.getByRole('heading', { name: 'Inbox', exact: true })
      : page.getByRole('button', { name: 'Sign in', exact: true });
    await ready.waitFor({ timeout: 20_000 });
    await page.waitForLoadState('networkidle');
    return await scripts.done();
  } finally {
    await context.close();
  }
}

/** One drag of a palette item onto the third card of the first section, the way a hand drags it. */
async function dragOnce(page: Page): Promise<DragTimes> {
  const source = page.locator('.palette [data-field-type="text"]');
  const target = page.locator(`${CANVAS_CARDS}.container`).first().locator('li.field-card').nth(2);
  await target.scrollIntoViewIfNeeded();
  const from = (await source.boundingBox())!;
  const to = (await target.boundingBox())!;
  await armDrag(page);
  const x0 = from.x + from.width / 2;
  const y0 = from.y + from.height / 2;
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  await page.mouse.move(x0 + 12, y0 + 6, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 25 });
  await page.mouse.move(to.x + to.width / 2 + 2, to.y + to.height / 2 + 1, { steps: 3 });
  await page.mouse.up();
  return dragTimes(page);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export const row: BenchRow<DesignerState> = {
  id: 'designer',
  what:
    `designer in headless Chromium: first render of a ${FIELDS}-field form (navigation → all cards on the ` +
    'canvas), drag from palette to canvas (release → new card shown), initial JS of the first page (gzip)',
  unit: 'ms',
  target: `first render ≤ ${TARGET.renderMs} ms, drag ≤ ${TARGET.dragMs} ms, initial JS ≤ ${TARGET.initialJsKb} KB gzipped, no ECharts in it`,
  runs: 3,

  async setup(ctx) {
    await ensureDesignerBuilt(ctx.log);
    const db = await ctx.newDatabase('sqlite');
    const runtime = createApp({ db, logger: benchLogger(ctx.log), designerDist: DESIGNER_DIST });
    await createUser(runtime, { username: 'bench-admin', password: PASSWORD, roles: ['admin'] });
    const server = await listen(runtime.app.callback());
    const cookie = await prepare(server.origin);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const warm = await newContext({ browser, server, cookie }, true);
    await watchCanvasReady(warm, FIELDS + SECTIONS);
    // Once through, so the bundles are in this browser's cache as for a returning designer.
    const page = await warm.newPage();
    await page.goto(`${server.origin}/forms/${FORM_KEY}`);
    await canvasReadyMs(page);
    await page.close();
    ctx.log(`${FIELDS}-field form stored; browser warmed`);
    return { db, server, browser, cookie, warm };
  },

  async sample(state) {
    const page = await state.warm.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${state.server.origin}/forms/${FORM_KEY}`);
    const render = await canvasReadyMs(page);
    const drags: DragTimes[] = [];
    for (let i = 0; i < DRAGS_PER_RUN; i++) drags.push(await dragOnce(page));
    const cards = await page.locator(CANVAS_CARDS).count();
    if (cards !== FIELDS + SECTIONS + DRAGS_PER_RUN)
      throw new Error(`the canvas shows ${cards} cards after ${DRAGS_PER_RUN} drags`);
    // Closed without its "unsaved changes" prompt: the drags are not saved.
    await page.close();
    const signedIn = await firstVisitScripts(state, true);
    const signedOut = await firstVisitScripts(state, false);
    return {
      value: render.laidOutMs,
      details: {
        renderLayoutMs: render.laidOutMs - render.inDomMs,
        dragMs: median(drags.map((d) => d.dropMs)),
        dragLayoutMs: median(drags.map((d) => d.layoutMs)),
        dragLongestFrameMs: median(drags.map((d) => d.longestFrameMs)),
        initialJsKb: signedIn.gzipBytes / 1024,
        initialJsRawKb: signedIn.rawBytes / 1024,
        initialScripts: signedIn.urls.length,
        initialHasECharts: signedIn.hasECharts ? 1 : 0,
        signInJsKb: signedOut.gzipBytes / 1024,
      },
    };
  },

  async teardown(state) {
    await state.browser?.close();
    await state.server?.close();
    await state.db?.drop();
  },

  met: (summary) =>
    summary.value <= TARGET.renderMs &&
    (summary.details.dragMs ?? Infinity) <= TARGET.dragMs &&
    (summary.details.initialJsKb ?? Infinity) <= TARGET.initialJsKb &&
    summary.details.initialHasECharts === 0,
};
