import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './index.js';

/** Runs `loadConfig` on `env` and returns the ConfigError it throws. */
function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('loadConfig accepted an invalid environment');
}

describe('loadConfig', () => {
  it('starts from defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.http.SHULIU_PORT).toBe(8080);
    expect(config.database.SHULIU_DATABASE_URL).toBeUndefined();
    expect(config.security.SHULIU_SEED_DEMO).toBe(true);
  });

  it('coerces the environment’s strings into typed settings', () => {
    const config = loadConfig({ SHULIU_PORT: '0', SHULIU_SECURE_COOKIES: '1', SHULIU_LOG_LEVEL: 'warn' });
    expect(config.http.SHULIU_PORT).toBe(0);
    expect(config.security.SHULIU_SECURE_COOKIES).toBe(true);
    expect(config.log.SHULIU_LOG_LEVEL).toBe('warn');
  });

  it('reports every problem at once, across areas, naming each variable', () => {
    const problems = problemsOf({
      SHULIU_PORT: '70000',
      SHULIU_NODE_PREFIX: 'slx',
      SHULIU_DATABASE_URL: 'mysql://x',
    });
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/^SHULIU_NODE_PREFIX: .*2–8 capital letters/m);
    expect(problems.join('\n')).toMatch(/^SHULIU_PORT: /m);
    expect(problems.join('\n')).toMatch(/^SHULIU_DATABASE_URL: .*postgres:\/\//m);
  });

  it('puts every problem in the error message an operator sees', () => {
    expect(() => loadConfig({ SHULIU_PORT: 'eighty', SHULIU_LOG_LEVEL: 'loud' })).toThrow(
      /Invalid configuration:\n {2}- SHULIU_PORT: .*\n {2}- SHULIU_LOG_LEVEL: /,
    );
  });
});
