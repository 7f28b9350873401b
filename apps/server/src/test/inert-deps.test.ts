import { describe, expect, it } from 'vitest';
import { createInertDeps, InertDependencyError } from './inert-deps.js';

describe('inert deps', () => {
  const deps = createInertDeps();

  it('keeps config and logger real so modules can register', () => {
    expect(deps.config.http.SHULIU_PORT).toBe(8080);
    expect(() => deps.log.child({ module: 'x' }).info('quiet')).not.toThrow();
  });

  it('allows reaching into a dependency but throws, naming the member, when anything is called', () => {
    const db = deps.database.db;
    expect(() => db.select()).toThrow(InertDependencyError);
    expect(() => deps.jobs.send('q', {})).toThrow(/deps\.jobs\.send\(\) was called/);
  });

  it('is not mistaken for a promise when awaited', async () => {
    await expect(Promise.resolve(deps.storage)).resolves.toBe(deps.storage);
  });
});
