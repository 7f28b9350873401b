/**
 * Platform dependencies with nothing behind them, for building the app without a database: the
 * OpenAPI generator and the architecture tests only need the routes. Config and logger are real
 * (modules read settings while registering); everything else is a stand-in that allows property
 * access at any depth but throws, naming the member, the moment anything is called.
 */
import { loadConfig, type Config } from '../config/index.js';
import type { PlatformDeps } from '../platform/deps.js';
import { createLogger } from '../platform/log.js';

/** Thrown when an inert dependency is used: building routes must not touch I/O. */
export class InertDependencyError extends Error {
  constructor(readonly member: string) {
    super(
      `${member}() was called while the app was built without a database (inert deps). ` +
        'Route registration must not do I/O: move the call into a handler or into node start-up.',
    );
    this.name = 'InertDependencyError';
  }
}

/**
 * A stand-in for `name`: any property is another stand-in (the same one each time); calling or
 * constructing one throws.
 */
export function inertValue<T>(name: string): T {
  const children = new Map<string, unknown>();
  const target = function inert() {
    /* never runs: the proxy traps calls */
  };
  const proxy: unknown = new Proxy(target, {
    get(_target, property) {
      // Not a thenable, not a primitive: `await` and string conversion must not look like calls.
      if (property === 'then') return undefined;
      if (property === Symbol.toPrimitive) return () => `[inert ${name}]`;
      if (typeof property === 'symbol') return undefined;
      let child = children.get(property);
      if (child === undefined) {
        child = inertValue<unknown>(`${name}.${property}`);
        children.set(property, child);
      }
      return child;
    },
    apply() {
      throw new InertDependencyError(name);
    },
    construct() {
      throw new InertDependencyError(`new ${name}`);
    },
  });
  return proxy as T;
}

/**
 * Builds deps for `buildApp` with default config (or `config`) and no I/O behind any other member,
 * including members added to `PlatformDeps` later (they become stand-ins automatically).
 */
export function createInertDeps(config: Config = loadConfig({ SHULIU_LOG_LEVEL: 'silent' })): PlatformDeps {
  const real: Partial<PlatformDeps> = {
    config,
    log: createLogger('silent'),
    publicUrl: 'http://localhost:8080',
  };
  const standIns = inertValue<Record<string, unknown>>('deps');
  const deps: unknown = new Proxy(real, {
    get(target, property) {
      if (typeof property === 'symbol' || property === 'then') return undefined;
      return property in target ? target[property as keyof PlatformDeps] : standIns[property];
    },
  });
  return deps as PlatformDeps;
}
