/**
 * @module Serves the built designer (`designer/dist`) at `/`: files as they are (hashed bundles under
 * `/assets/` cached for good), and `index.html` for every other page address so the single-page app's
 * own router takes over. API, health and metrics paths are never touched here.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Context, Middleware, Next } from 'koa';
import serve from 'koa-static';
import { OperationalError } from '../http/errors';

const NOT_APP_PATHS = /^\/(api\/|api$|metrics$|healthz$)/;

export function designerAssets(distDir: string): Middleware {
  const serveFiles = serve(distDir, {
    index: false,
    setHeaders(res, path) {
      res.setHeader(
        'Cache-Control',
        path.includes(`${join('dist', 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  return async (ctx: Context, next: Next) => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || NOT_APP_PATHS.test(ctx.path)) return next();
    await serveFiles(ctx, async () => undefined);
    if (ctx.body != null || ctx.status !== 404) return;
    // A missing file with an extension (a stale bundle name) stays 404; a page address gets the app.
    if (/\.[a-z0-9]+$/i.test(ctx.path)) return;
    let html: Buffer;
    try {
      html = await readFile(join(distDir, 'index.html'));
    } catch {
      throw new OperationalError('The designer is not built: run `npm run build:designer` (npm start does it)');
    }
    ctx.status = 200;
    ctx.type = 'html';
    ctx.set('Cache-Control', 'no-cache');
    ctx.body = html;
  };
}
