import { z } from 'zod';

/** The HTTP listener. */
export const HttpConfig = z.object({
  /** TCP port serving the web app and the API. */
  SHULIU_PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .default(8080)
    .describe('Port for the web app and API'),
  /** Interface to bind. */
  SHULIU_HOST: z.string().default('0.0.0.0').describe('Interface to bind'),
  /** Largest accepted JSON request body in bytes. */
  SHULIU_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1_048_576)
    .describe('Largest JSON request body, bytes'),
  /** Largest accepted attachment upload in bytes. */
  SHULIU_MAX_ATTACHMENT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(20 * 1_048_576)
    .describe('Largest attachment upload, bytes'),
  /** Directory of the built web app; served at `/`. */
  SHULIU_WEB_DIR: z.string().optional().describe('Built web app directory (default apps/web/dist)'),
});
export type HttpConfig = z.infer<typeof HttpConfig>;
