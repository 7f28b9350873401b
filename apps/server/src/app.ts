/**
 * Builds the HTTP application from the platform and the modules. `main.ts` serves it; tests build it
 * the same way and call `app.request(...)`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './platform/http/app-env.js';
import { AppError } from './platform/http/errors.js';
import { handleError, limitBody, parseJsonBody, requestContext } from './platform/http/middleware.js';
import { didDocumentOf } from './platform/crypto/node-key.js';
import type { PlatformDeps } from './platform/deps.js';
import { registerModules } from './modules/index.js';

/** What `buildApp` returns: the app and the modules' public services (for the CLI and tests). */
export type BuiltApp = ReturnType<typeof buildApp>;

const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));
const SWAGGER_DIR = join(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'), '..');

/** The OpenAPI document's fixed parts. */
export const OPENAPI_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'Shuliu (数流) API',
    version: '0.1.0',
    description:
      'API of a Shuliu node: accounts, participants (一主体一登记) and verifiable credentials. Errors use one shape `{error:{code,message,details,requestId}}`; messages follow Accept-Language (zh-CN default, en). Unsafe requests authenticated by the session cookie must send `X-CSRF-Token` equal to the `shuliu_csrf` cookie.',
  },
};

/** Builds the app with every module mounted. */
export function buildApp(deps: PlatformDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const modules = registerModules(deps);

  app.use('*', requestContext(deps.log));
  app.use(
    '*',
    secureHeaders({
      crossOriginResourcePolicy: false,
      crossOriginOpenerPolicy: false,
      contentSecurityPolicy: undefined,
    }),
  );
  // Upload bodies (multipart attachments, tus chunks) have their own limits: the disk, for tus.
  app.use(
    '/api/*',
    limitBody(deps.config.http.SHULIU_MAX_BODY_BYTES, { skipMultipart: true, skipPaths: ['/api/uploads'] }),
  );
  app.use('/api/*', parseJsonBody());
  for (const middleware of modules.middleware) app.use('*', middleware);
  for (const router of modules.routers) app.route('/', router);
  for (const raw of modules.rawHandlers) {
    app.all(raw.path, raw.handler);
    app.all(`${raw.path}/*`, raw.handler);
  }

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'shuliu_session',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'token', {
    type: 'http',
    scheme: 'bearer',
    description: 'API token `slt_…`',
  });
  app.get('/api/openapi.json', (c) => c.json(app.getOpenAPI31Document(OPENAPI_INFO)));
  app.get('/api/docs', (c) => c.html(swaggerPage()));
  app.use(
    '/api/docs/assets/*',
    serveStatic({ root: SWAGGER_DIR, rewriteRequestPath: (p) => p.replace('/api/docs/assets', '') }),
  );
  // Verifiers on other origins (another exchange's verification page) fetch the DID document.
  app.get('/.well-known/did.json', (c) => {
    c.header('Access-Control-Allow-Origin', '*');
    return c.json(didDocumentOf(deps.nodeKey, deps.config.node.SHULIU_NODE_NAME));
  });

  app.all('/api/*', () => {
    throw new AppError('http.not_found', 404);
  });
  const webDir = deps.config.http.SHULIU_WEB_DIR ?? WEB_DIST;
  app.use('*', serveWebApp(webDir));
  app.onError(handleError);
  return { app, services: modules.services, start: modules.start };
}

/** Serves the built web app, falling back to index.html for client-side routes. */
function serveWebApp(dir: string): MiddlewareHandler<AppEnv> {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    return async (c, next) => {
      if (c.req.method !== 'GET') return next();
      return c.text('Web app not built: run `npm run build`.', 404);
    };
  }
  const assets = serveStatic({ root: dir });
  const html = readFileSync(index, 'utf8');
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    // serveStatic answers with the file's Response, or calls next (here: nothing) when there is none.
    const file = await assets(c, () => Promise.resolve());
    if (file) return file;
    return c.html(html);
  };
}

function swaggerPage(): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>数流 API 参考</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head><body><div id="ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#ui', tryItOutEnabled: true });</script></body></html>`;
}
