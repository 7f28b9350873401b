import { z } from 'zod';

/** Structured JSON logs on stdout. */
export const LogConfig = z.object({
  /** Lowest level written. */
  SHULIU_LOG_LEVEL: z
    .enum(['debug', 'info', 'warn', 'error', 'silent'])
    .default('info')
    .describe('Lowest log level written'),
});
export type LogConfig = z.infer<typeof LogConfig>;
