import { defineConfig } from '@playwright/test';

// Browser tests drive Debian's Chromium (apt: chromium, fonts-wqy-microhei) — never a downloaded
// browser. The node under test starts on the embedded PostgreSQL in a fresh data dir, with the demo
// exchange seeded and a known demo password.
const PORT = Number(process.env.SHULIU_E2E_PORT ?? 8181);
export const E2E_DEMO_PASSWORD = 'e2e-demo-password';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.e2e.ts',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  outputDir: 'test-results/e2e-artifacts',
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'test-results/e2e.json' }],
  ],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: 'zh-CN',
    viewport: { width: 1366, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `rm -rf .tmp/e2e-data && npm run build -w apps/web && node --import tsx apps/cli/src/main.ts start`,
    url: `http://localhost:${PORT}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      SHULIU_PORT: String(PORT),
      SHULIU_DATA_DIR: '.tmp/e2e-data',
      SHULIU_DEMO_PASSWORD: E2E_DEMO_PASSWORD,
      SHULIU_LOG_LEVEL: 'warn',
      // One publicity "day" lasts 2 s: a product's 3 days take 6 s, a resource's 10 working days 20 s.
      SHULIU_PUBLICITY_DAY_MS: '2000',
    },
  },
});
