import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './index.js';
import { parseStorageUrl } from './storage.config.js';

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

describe('storage configuration', () => {
  const S3_URL = 's3://shuliu/node-a?endpoint=http://127.0.0.1:9000&region=cn-north-1&forcePathStyle=true';

  it('accepts an s3:// URL with both keys and reads bucket, prefix and options from it', () => {
    const config = loadConfig({
      SHULIU_STORAGE_URL: S3_URL,
      SHULIU_S3_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      SHULIU_S3_SECRET_ACCESS_KEY: 'secret',
    });
    expect(parseStorageUrl(config.storage.SHULIU_STORAGE_URL)).toEqual({
      target: {
        kind: 's3',
        bucket: 'shuliu',
        prefix: 'node-a/',
        endpoint: 'http://127.0.0.1:9000',
        region: 'cn-north-1',
        forcePathStyle: true,
      },
    });
  });

  it('defaults an s3:// URL to AWS, us-east-1, virtual-host style and no prefix', () => {
    expect(parseStorageUrl('s3://shuliu')).toEqual({
      target: {
        kind: 's3',
        bucket: 'shuliu',
        prefix: '',
        endpoint: undefined,
        region: 'us-east-1',
        forcePathStyle: false,
      },
    });
  });

  it('keeps file: storage under the data dir unless a path is given', () => {
    expect(parseStorageUrl(undefined)).toEqual({ target: { kind: 'file', root: null } });
    expect(parseStorageUrl('file:')).toEqual({ target: { kind: 'file', root: null } });
    expect(parseStorageUrl('file:///srv/shuliu/blobs')).toEqual({
      target: { kind: 'file', root: '/srv/shuliu/blobs' },
    });
  });

  it('names both key variables when an s3:// URL comes without keys', () => {
    const problems = problemsOf({ SHULIU_STORAGE_URL: S3_URL });
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toMatch(/^SHULIU_S3_ACCESS_KEY_ID: required when SHULIU_STORAGE_URL is s3:/m);
    expect(problems.join('\n')).toMatch(
      /^SHULIU_S3_SECRET_ACCESS_KEY: required when SHULIU_STORAGE_URL is s3:/m,
    );
  });

  it('names the one key that is missing', () => {
    const problems = problemsOf({ SHULIU_STORAGE_URL: S3_URL, SHULIU_S3_ACCESS_KEY_ID: 'AKIDEXAMPLE' });
    expect(problems).toEqual(['SHULIU_S3_SECRET_ACCESS_KEY: required when SHULIU_STORAGE_URL is s3://…']);
  });

  it('does not ask for keys with file: storage', () => {
    expect(loadConfig({ SHULIU_STORAGE_URL: 'file:' }).storage.SHULIU_S3_ACCESS_KEY_ID).toBeUndefined();
  });

  it('explains what is wrong with a bad storage URL', () => {
    const keys = { SHULIU_S3_ACCESS_KEY_ID: 'a', SHULIU_S3_SECRET_ACCESS_KEY: 'b' };
    const problemOf = (url: string) => problemsOf({ SHULIU_STORAGE_URL: url, ...keys }).join('\n');
    expect(problemOf('gs://shuliu')).toMatch(/^SHULIU_STORAGE_URL: must be file: or s3:\/\/<bucket>/);
    expect(problemOf('s3://Shuliu_Files')).toMatch(
      /^SHULIU_STORAGE_URL: bucket "Shuliu_Files" is not a valid/,
    );
    expect(problemOf('s3://shuliu?endpoint=ftp://files')).toMatch(/endpoint "ftp:\/\/files" must be an http/);
    expect(problemOf('s3://shuliu?forcePathStyle=yes')).toMatch(/forcePathStyle must be true or false/);
    expect(problemOf('s3://shuliu?bucket=x')).toMatch(/unknown parameter bucket/);
    expect(problemOf('s3://key:secret@shuliu')).toMatch(/must not carry keys/);
    expect(problemsOf({ SHULIU_STORAGE_URL: 'gs://shuliu' })).toHaveLength(1);
  });
});
