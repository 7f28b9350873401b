import type { Logger } from '../log.js';
import type { Principal } from './principal.js';

/** Per-request values every handler can read with `c.get(...)`. */
export interface AppEnv {
  Variables: {
    requestId: string;
    log: Logger;
    lang: 'zh' | 'en';
    principal: Principal;
  };
}
