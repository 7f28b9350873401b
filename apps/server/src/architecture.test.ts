/**
 * Architecture rules that reviews miss: every operation is documented and guarded by a named policy,
 * every API route is in the OpenAPI document, modules meet only through each other's index.ts, and
 * packages/core stays free of Node built-ins so it runs in browsers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildApp, OPENAPI_INFO } from './app.js';
import { createInertDeps } from './test/inert-deps.js';

const SERVER_SRC = dirname(fileURLToPath(import.meta.url));
const MODULES_DIR = join(SERVER_SRC, 'modules');
const ROOT = resolve(SERVER_SRC, '../../..');
const CORE_SRC = join(ROOT, 'packages/core/src');
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
/** Routes served outside the OpenAPI document on purpose. */
const UNDOCUMENTED = [/^\/api\/openapi\.json$/, /^\/api\/docs(\/|$)/];

const { app } = buildApp(createInertDeps());
const document = app.getOpenAPI31Document(OPENAPI_INFO);

interface Operation {
  key: string;
  operationId?: string;
  summary?: string;
  policy?: unknown;
}

function operationsOf(doc: typeof document): Operation[] {
  const found: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op) continue;
      found.push({
        key: `${method.toUpperCase()} ${path}`,
        operationId: op.operationId,
        summary: op.summary,
        policy: (op as Record<string, unknown>)['x-policy'],
      });
    }
  }
  return found;
}

/** Hono's `/a/:id` (optionally `:id{regex}`) written the OpenAPI way, `/a/{id}`. */
function toOpenApiPath(honoPath: string): string {
  return honoPath.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}');
}

/** Every TypeScript source file under `dir`. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !file.split(sep).includes('node_modules'))
    .map((file) => join(dir, file));
}

/** Module specifiers of static imports, re-exports and dynamic imports in `source`. */
function importSpecifiers(source: string): string[] {
  const patterns = [
    /\b(?:import|export)\s[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((m) => m[1] ?? ''));
}

describe('the OpenAPI document', () => {
  const operations = operationsOf(document);

  it('has operations (the checks below would pass vacuously otherwise)', () => {
    expect(operations.length).toBeGreaterThan(0);
  });

  it('gives every operation a summary, an operationId and a policy', () => {
    const lacking = operations
      .map((op) => ({
        operation: op.key,
        missing: [
          !op.summary?.trim() && 'summary',
          !op.operationId?.trim() && 'operationId',
          (typeof op.policy !== 'string' || !op.policy) && 'x-policy (use defineRoute with a policy)',
        ].filter(Boolean),
      }))
      .filter((entry) => entry.missing.length > 0);
    expect(lacking, 'operations lacking documentation or a policy').toEqual([]);
  });

  it('uses each operationId once (it is the SDK method name)', () => {
    const seen = new Map<string, string[]>();
    for (const op of operations) {
      if (!op.operationId) continue;
      seen.set(op.operationId, [...(seen.get(op.operationId) ?? []), op.key]);
    }
    const duplicates = [...seen].filter(([, keys]) => keys.length > 1);
    expect(Object.fromEntries(duplicates), 'operationIds used more than once').toEqual({});
  });

  it('lists every /api route the app serves', () => {
    const documented = new Set(operations.map((op) => op.key));
    const served = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/') && !r.path.includes('*'))
        .filter((r) => !UNDOCUMENTED.some((pattern) => pattern.test(r.path)))
        .map((r) => `${r.method.toUpperCase()} ${toOpenApiPath(r.path)}`),
    );
    expect(served.size).toBeGreaterThan(0);
    const missing = [...served].filter((key) => !documented.has(key));
    expect(missing, 'routes served without an OpenAPI definition (use defineRoute + router.openapi)').toEqual(
      [],
    );
  });
});

describe('module boundaries', () => {
  const modules = readdirSync(MODULES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

  it('finds the modules folder populated', () => {
    expect(modules).toContain('system');
  });

  it('lets a module import another module only through its index.ts', () => {
    const violations: string[] = [];
    for (const module of modules) {
      const moduleDir = join(MODULES_DIR, module);
      for (const file of sourceFiles(moduleDir)) {
        for (const specifier of importSpecifiers(readFileSync(file, 'utf8'))) {
          if (!specifier.startsWith('.')) continue;
          const target = relative(MODULES_DIR, resolve(dirname(file), specifier)).split(sep);
          const [other, ...rest] = target;
          if (!other || other === '..' || other === module || rest.length === 0) continue;
          if (rest.length === 1 && /^index\.(ts|js)$/.test(rest[0] ?? '')) continue;
          violations.push(`${relative(SERVER_SRC, file)} imports '${specifier}'`);
        }
      }
    }
    expect(violations, `modules must import each other only through '../<module>/index.js'`).toEqual([]);
  });

  it('recognizes the import forms it polices', () => {
    const source = [
      `import { a } from '../market/market.service.js';`,
      `import type {\n  B,\n} from "../catalog/index.js";`,
      `export * from './local.js';`,
      `import './side-effect.js';`,
      `const lazy = await import('../evidence/evidence.repository.js');`,
    ].join('\n');
    expect(importSpecifiers(source)).toEqual([
      '../market/market.service.js',
      '../catalog/index.js',
      './local.js',
      './side-effect.js',
      '../evidence/evidence.repository.js',
    ]);
  });
});

describe('packages/core', () => {
  const builtins = new Set(builtinModules);

  it('imports no Node built-in outside its tests (it runs in browsers)', () => {
    const files = sourceFiles(CORE_SRC).filter((file) => !/\.test\.tsx?$/.test(file));
    expect(files.length).toBeGreaterThan(0);
    const offenders = files.flatMap((file) =>
      importSpecifiers(readFileSync(file, 'utf8'))
        .filter((s) => s.startsWith('node:') || builtins.has(s.split('/')[0] ?? ''))
        .map((s) => `${relative(CORE_SRC, file)} imports '${s}'`),
    );
    expect(offenders, 'packages/core must not import Node built-ins').toEqual([]);
  });
});

describe('docs/architecture.md', () => {
  /** Folders that hold no source: installed, generated at run time, or local. */
  const IGNORED = new Set([
    'node_modules',
    '.git',
    '.tmp',
    'data',
    'dist',
    'test-results',
    'playwright-report',
  ]);
  /** Folders whose every child is structural (one module, one platform service, one feature). */
  const LIST_CHILDREN = ['apps/server/src/modules', 'apps/server/src/platform', 'apps/web/src/features'];

  /** Repository folders the page must list: everything four levels deep, and the children above. */
  function structuralFolders(dir = '', depth = 1): string[] {
    const found: string[] = [];
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      if (!entry.isDirectory() || IGNORED.has(entry.name)) continue;
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (depth <= 4 || LIST_CHILDREN.includes(dir)) found.push(path);
      if (depth < 5) found.push(...structuralFolders(path, depth + 1));
    }
    return found;
  }

  it('has a line for every folder of the repository', () => {
    const page = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');
    const folders = structuralFolders();
    expect(folders).toContain('apps/server/src/modules/system');
    const missing = folders.filter((folder) => !page.includes(`\`${folder}/\``)).sort();
    expect(missing, 'add one line per new folder to docs/architecture.md').toEqual([]);
  });
});
