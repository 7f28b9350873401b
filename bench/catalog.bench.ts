/**
 * Catalog search and product page at scale. Seeds N realistic entries (default 1,000,000; `--rows N`
 * for a quick run) into a fresh database — the embedded PostgreSQL in a temporary data dir, or a new
 * database beside `SHULIU_DATABASE_URL` — then measures, in the same run:
 * - search p50/p95/p99 through the real search service (jieba → tsquery, GIN, GROUPING SETS facets)
 *   for narrow, broad (> 30 % of entries, verified and printed) and faceted queries, with exact counts
 *   and with the counting cap; beside the same queries as a plain ILIKE scan (baseline);
 * - product-page throughput with autocannon on a running node, beside a bare node:http server.
 * Writes bench/results/catalog.json and catalog-explain.txt (EXPLAIN ANALYZE of the broad query).
 */
import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { OpenAPIHono } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { RunningNode } from '@shuliu/server';
import type { Db } from '../apps/server/src/platform/db/database.js';
import type { AppEnv } from '../apps/server/src/platform/http/app-env.js';
import { handleError, parseJsonBody, requestContext } from '../apps/server/src/platform/http/middleware.js';
import { ANONYMOUS } from '../apps/server/src/platform/http/principal.js';
import { registerCatalog } from '../apps/server/src/modules/catalog/index.js';
import { searchSql, type SearchFilter } from '../apps/server/src/modules/catalog/catalog.repository.js';
import {
  createCatalogSearch,
  textMatchOf,
  type SearchQuery,
} from '../apps/server/src/modules/catalog/catalog.search.js';
import { containingPattern } from '../apps/server/src/platform/db/like.js';
import { startBenchNode } from './bench-node.js';
import { loadSettings, measure, printTable, RESULTS_DIR, type Measurement } from './harness.js';
import { CITIES, prng, seedCatalog, SUBJECTS } from './catalog.seed.js';

/** Rows a search counts before reporting "at least" (the capped configuration). */
const COUNT_CAP = 10_000;
const RUNS = Number(process.env.BENCH_SEARCH_RUNS ?? 200);
const EXACT_RUNS = Number(process.env.BENCH_EXACT_RUNS ?? 30);
const BASELINE_RUNS = Number(process.env.BENCH_BASELINE_RUNS ?? 10);
const noMembers = { organizationsOf: () => Promise.resolve([]), roleOf: () => Promise.resolve(null) };

function rowsArg(): number {
  const at = process.argv.findIndex((arg) => arg === '--rows' || arg.startsWith('--rows='));
  const raw = at < 0 ? undefined : (process.argv[at]?.split('=')[1] ?? process.argv[at + 1]);
  const value = raw === undefined ? 1_000_000 : Number(raw);
  return Number.isInteger(value) && value > 0 ? value : 1_000_000;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

interface LatencyRow {
  scenario: string;
  engine: string;
  runs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  avgTotal: number;
}

async function time(
  runs: number,
  queries: SearchQuery[],
  run: (q: SearchQuery) => Promise<number>,
  warm = true,
) {
  // Warm-up: every pooled connection runs each query shape once (a new PostgreSQL backend loads its
  // catalog caches on first use, ~100 ms here), as a long-running node's connections already have.
  const warmups = queries.slice(0, Math.min(queries.length, 10));
  for (let round = 0; warm && round < 2; round++) await Promise.all(warmups.map((q) => run(q)));
  const ms: number[] = [];
  let totals = 0;
  for (let i = 0; i < runs; i++) {
    const query = queries[i % queries.length] as SearchQuery;
    const t0 = performance.now();
    totals += await run(query);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    p50Ms: round(percentile(ms, 50)),
    p95Ms: round(percentile(ms, 95)),
    p99Ms: round(percentile(ms, 99)),
    avgTotal: Math.round(totals / runs),
  };
}

/** The ILIKE baseline: the same page, total and (for faceted queries) facet counts, by scanning text. */
function ilikeRunner(db: Db) {
  return async (q: SearchQuery) => {
    const words = (q.q ?? '').split(/\s+/).filter(Boolean);
    const text = words.map(
      (w) => sql`(name ILIKE ${containingPattern(w)} OR summary ILIKE ${containingPattern(w)})`,
    );
    const filters = [sql`visibility = 'public'`, ...text];
    if (q.domain) filters.push(sql`domain = ${q.domain}`);
    if (q.form) filters.push(sql`form = ${q.form}`);
    const where = sql.join(filters, sql` AND `);
    const [, counts] = await Promise.all([
      db.execute(
        sql`SELECT product_id, name FROM catalog_entries WHERE ${where} ORDER BY listed_at DESC LIMIT 21`,
      ),
      db.execute<{ n: number }>(
        sql`SELECT domain, form, count(*)::int AS n FROM catalog_entries WHERE ${where} GROUP BY GROUPING SETS ((domain), (form), ())`,
      ),
    ]);
    return counts.rows.at(-1)?.n ?? 0;
  };
}

/** Query sets: narrow (city + subject), broad (frequent words), faceted (broad words + facet filters). */
function querySets() {
  const r = prng(99);
  const subjects = Object.values(SUBJECTS).flatMap((s) => s?.zh ?? []);
  const narrow: SearchQuery[] = Array.from({ length: 50 }, () => ({
    q: `${r.pick(CITIES)[0]} ${r.pick(subjects)}`,
    limit: 20,
  }));
  narrow.push(
    ...['Bus Ridership Shanghai', 'solar generation', 'port container', 'wether forcast'].map((q) => ({
      q,
      limit: 20,
    })),
  );
  const broad: SearchQuery[] = ['统计', '数据', '统计 数据'].map((q) => ({ q, limit: 20 }));
  const faceted: SearchQuery[] = [
    { q: '统计', domain: 'transport', limit: 20 },
    { q: '数据', form: 'api', limit: 20 },
    { q: '统计', region: '310000', limit: 20 },
    { domain: 'finance', form: 'dataset', limit: 20 },
    { grade: 'GENERAL_2', pricingModel: 'subscription', limit: 20 },
  ];
  return { narrow, broad, faceted };
}

/** Serves the product page from a running node, or from the catalog router alone when not wired yet. */
async function productPageServer(
  node: RunningNode,
): Promise<{ url: string; note: string; close(): Promise<void> }> {
  const nodeUrl = node.url.replace('localhost', '127.0.0.1');
  const spec = (await (await fetch(`${nodeUrl}/api/openapi.json`)).json()) as {
    paths?: Record<string, unknown>;
  };
  if (spec.paths?.['/api/catalog/products/{id}'])
    return { url: nodeUrl, note: 'the node (full app)', close: () => Promise.resolve() };
  const deps = node.deps;
  const catalog = registerCatalog(deps, {
    products: { getListable: () => Promise.resolve(null), setListingStatus: () => Promise.resolve() },
    memberships: noMembers,
  });
  const app = new OpenAPIHono<AppEnv>();
  app.use('*', requestContext(deps.log));
  app.use('/api/*', parseJsonBody());
  app.route('/', catalog.router);
  app.onError(handleError);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    note: 'catalog router behind the request chain (not yet wired into the node: anonymous, no session lookup)',
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Runs the catalog benchmark. */
export default async function runCatalogBenchmark(): Promise<void> {
  const total = rowsArg();
  const settings = loadSettings();
  const bench = await startBenchNode('catalog');
  const { node } = bench;
  process.stdout.write(`  ${total.toLocaleString()} entries; database: ${bench.database}\n`);
  const db = node.deps.database.db;
  const log = (line: string) => process.stdout.write(`${line}\n`);
  let bare: Server | undefined;
  let pageServer: Awaited<ReturnType<typeof productPageServer>> | undefined;
  try {
    const seeding = await seedCatalog(db, total, log);
    const [{ size }] = (
      await db.execute<{ size: string }>(
        sql`SELECT pg_size_pretty(pg_total_relation_size('catalog_entries')) AS size`,
      )
    ).rows as [{ size: string }];
    log(`  table with indexes: ${size}`);

    const exact = createCatalogSearch({ db, memberships: noMembers, countLimit: null });
    const capped = createCatalogSearch({ db, memberships: noMembers, countLimit: COUNT_CAP });
    const { narrow, broad, faceted } = querySets();
    const [{ n: publicRows }] = (
      await db.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM catalog_entries WHERE visibility = 'public'`,
      )
    ).rows as [{ n: number }];
    const fractions: Record<string, number> = {};
    for (const q of broad) {
      const result = await exact.search(ANONYMOUS, q);
      fractions[q.q ?? ''] = Number((result.total / publicRows).toFixed(3));
    }
    log(
      `  broad queries match (share of the ${publicRows.toLocaleString()} public entries): ${Object.entries(
        fractions,
      )
        .map(([q, f]) => `“${q}” ${(f * 100).toFixed(1)} %`)
        .join(', ')}`,
    );

    const latencies: LatencyRow[] = [];
    const viaService = (s: typeof exact) => async (q: SearchQuery) => (await s.search(ANONYMOUS, q)).total;
    for (const [scenario, queries] of Object.entries({ narrow, broad, faceted })) {
      for (const [engine, run, runs] of [
        // Exact counting of a broad query visits every match: fewer runs keep the bench in minutes.
        [`search, exact counts`, viaService(exact), EXACT_RUNS],
        [`search, counts capped at ${COUNT_CAP.toLocaleString()}`, viaService(capped), RUNS],
        ['ILIKE scan (baseline)', ilikeRunner(db), BASELINE_RUNS],
      ] as const) {
        latencies.push({ scenario, engine, runs, ...(await time(runs, queries, run)) });
        log(`  measured ${scenario} · ${engine}`);
      }
    }
    // The landing page: no text, newest first; facet counts are cached for 30 s after the first call.
    const landing: SearchQuery[] = [{ limit: 20 }];
    latencies.push({
      scenario: 'landing (no text)',
      engine: 'search, first call (cold facets)',
      runs: 1,
      ...(await time(
        1,
        landing,
        viaService(createCatalogSearch({ db, memberships: noMembers, countLimit: null })),
        false,
      )),
    });
    latencies.push({
      scenario: 'landing (no text)',
      engine: 'search, facets cached (30 s)',
      runs: RUNS,
      ...(await time(RUNS, landing, viaService(exact))),
    });

    const table = [
      ['scenario', 'engine', 'runs', 'p50 ms', 'p95 ms', 'p99 ms', 'avg total'],
      ...latencies.map((l) => [
        l.scenario,
        l.engine,
        String(l.runs),
        String(l.p50Ms),
        String(l.p95Ms),
        String(l.p99Ms),
        String(l.avgTotal),
      ]),
    ];
    const widths = table[0]?.map((_, i) => Math.max(...table.map((row) => (row[i] ?? '').length))) ?? [];
    log('');
    for (const row of table)
      log(
        `  ${row.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')}`,
      );

    // Where the time goes: EXPLAIN ANALYZE of the broad query's two statements.
    const filter: SearchFilter = { visibilities: ['public'], text: textMatchOf('统计'), equals: {} };
    const explain = async (title: string, statement: ReturnType<typeof searchSql.page>) => {
      const { rows } = await db.execute<{ 'QUERY PLAN': string }>(
        sql`EXPLAIN (ANALYZE, BUFFERS) ${statement}`,
      );
      return `== ${title}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}\n`;
    };
    // Faceted: facets and visibility are lexemes of the same tsquery, so the GIN bitmap does the filtering.
    const facetOnly: SearchFilter = {
      visibilities: ['public'],
      text: { kind: 'none' },
      equals: { domain: 'finance', form: 'dataset' },
    };
    const textAndFacet: SearchFilter = { ...filter, equals: { domain: 'transport' } };
    const plans = [
      await explain('broad “统计”: page, relevance', searchSql.page(filter, 'relevance', null, 20)),
      await explain('broad “统计”: facets, exact', searchSql.facets(filter, null)),
      await explain(`broad “统计”: facets, capped at ${COUNT_CAP}`, searchSql.facets(filter, COUNT_CAP)),
      await explain(
        'faceted domain=finance&form=dataset: page, newest',
        searchSql.page(facetOnly, 'newest', null, 20),
      ),
      await explain(
        `faceted domain=finance&form=dataset: facets, capped at ${COUNT_CAP}`,
        searchSql.facets(facetOnly, COUNT_CAP),
      ),
      await explain(
        'faceted “统计” + domain=transport: page, relevance',
        searchSql.page(textAndFacet, 'relevance', null, 20),
      ),
      await explain(
        `faceted “统计” + domain=transport: facets, capped at ${COUNT_CAP}`,
        searchSql.facets(textAndFacet, COUNT_CAP),
      ),
    ].join('\n');
    await writeFile(join(RESULTS_DIR, 'catalog-explain.txt'), plans);

    // Product page throughput.
    const {
      rows: [sample],
    } = await db.execute<{ id: string; document: string }>(
      sql`SELECT product_id AS id, document::text AS document FROM catalog_entries WHERE visibility = 'public' LIMIT 1`,
    );
    if (!sample) throw new Error('no public entry seeded');
    pageServer = await productPageServer(node);
    bare = createServer((_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(sample.document),
      });
      res.end(sample.document);
    });
    await new Promise<void>((resolve) => bare?.listen(0, '127.0.0.1', resolve));
    const bareAddress = bare.address();
    const barePort = typeof bareAddress === 'object' && bareAddress ? bareAddress.port : 0;
    log(
      `\n  product page served by ${pageServer.note}; ${settings.connections} connections, ${settings.seconds} s`,
    );
    const throughput: Measurement[] = [
      await measure('bare node:http, same JSON (baseline)', `http://127.0.0.1:${barePort}/`, settings),
      await measure(
        'GET /api/catalog/products/{id}',
        `${pageServer.url}/api/catalog/products/${sample.id}`,
        settings,
      ),
    ];
    // A harvester revalidating: the page's ETag in If-None-Match → 304 without a body.
    const pageUrl = `${pageServer.url}/api/catalog/products/${sample.id}`;
    const etag = (await fetch(pageUrl)).headers.get('etag');
    if (etag)
      throughput.push(
        await measure('same, If-None-Match (304)', pageUrl, settings, { 'if-none-match': etag }),
      );
    printTable(throughput);

    const file = join(RESULTS_DIR, 'catalog.json');
    await writeFile(
      file,
      `${JSON.stringify({ benchmark: 'catalog', measuredAt: new Date().toISOString(), rows: total, publicRows, seeding, tableSize: size, broadMatchFraction: fractions, countCap: COUNT_CAP, targets: { searchP95Ms: 50, productPageRps: 3000 }, search: latencies, productPage: { servedBy: pageServer.note, settings, rows: throughput } }, null, 2)}\n`,
    );
    log(`\n  wrote ${file} and catalog-explain.txt`);
  } finally {
    await pageServer?.close();
    if (bare) await new Promise<void>((resolve) => bare?.close(() => resolve()));
    await bench.close();
  }
}
