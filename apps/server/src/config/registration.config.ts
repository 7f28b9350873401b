import { z } from 'zod';

/** The registration engine's timers. */
export const RegistrationConfig = z.object({
  /**
   * Length of one publicity "day" in milliseconds. Production keeps the default (real days, with
   * working days from the statutory calendar); tests and demos shorten it to a few seconds, and then
   * every day counts, working or not.
   */
  SHULIU_PUBLICITY_DAY_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(86_400_000)
    .default(86_400_000)
    .describe('Length of one publicity day in ms (default 86400000; shorten only for tests and demos)'),
});
export type RegistrationConfig = z.infer<typeof RegistrationConfig>;
