#!/usr/bin/env node
// `npm test`: everything a contributor needs, in order — typecheck, lint, unit + integration tests on
// the embedded PostgreSQL, the integration tests again on SHULIU_TEST_DATABASE_URL when set, and the
// browser tests. Prints one closing line `N passed, N failed` summed over all of them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = 'test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
let passed = 0;
let failed = 0;

function run(label, command, args, env = {}) {
  process.stdout.write(`\n=== ${label}: ${command} ${args.join(' ')}\n`);
  const started = Date.now();
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  process.stdout.write(`=== ${label}: exit ${r.status} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return r.status === 0;
}

function countVitest(file) {
  if (!existsSync(file)) return false;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests + (report.numTotalTestSuites > 0 && report.numTotalTests === 0 ? 1 : 0);
  // A test file that failed to load counts as a failure even though it reported no test.
  for (const suite of report.testResults ?? []) if (suite.status === 'failed' && suite.assertionResults.length === 0) failed++;
  return true;
}

function check(label, command, args) {
  if (run(label, command, args)) passed++;
  else failed++;
}

check('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json']);
check('lint', 'npx', ['eslint', '.']);

const vitestJson = (name) => ['--reporter=default', '--reporter=json', `--outputFile.json=${results}/${name}.json`];
run('unit + integration (embedded PostgreSQL)', 'npx', ['vitest', 'run', ...vitestJson('vitest-embedded')], { SHULIU_TEST_DATABASE_URL: '' });
if (!countVitest(`${results}/vitest-embedded.json`)) failed++;

if (process.env.SHULIU_TEST_DATABASE_URL) {
  run('integration (SHULIU_TEST_DATABASE_URL)', 'npx', ['vitest', 'run', '--project', 'int', ...vitestJson('vitest-external')]);
  if (!countVitest(`${results}/vitest-external.json`)) failed++;
}

if (existsSync('playwright.config.ts')) {
  run('browser (Playwright, Debian Chromium)', 'npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: `${results}/e2e.json` });
  const file = `${results}/e2e.json`;
  if (existsSync(file)) {
    const stats = JSON.parse(readFileSync(file, 'utf8')).stats;
    passed += stats.expected + stats.flaky;
    failed += stats.unexpected + (stats.expected + stats.unexpected + stats.flaky === 0 ? 1 : 0);
  } else failed++;
}

process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
