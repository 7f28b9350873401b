import { z } from 'zod';

/** Identity of this node: who it is to people, to other nodes and in credential numbers. */
export const NodeConfig = z.object({
  /** Public base URL of the node; the did:web identifier and credential links derive from it. */
  SHULIU_PUBLIC_URL: z
    .url()
    .optional()
    .describe('Public base URL, e.g. https://exchange.example.cn (default http://localhost:<port>)'),
  /** Display name of the exchange or authority that runs this node. */
  SHULIU_NODE_NAME: z
    .string()
    .min(1)
    .default('数流示范数据交易所')
    .describe('Display name of the exchange or authority running this node'),
  /** Short uppercase prefix used in human-readable credential and certificate numbers. */
  SHULIU_NODE_PREFIX: z
    .string()
    .regex(/^[A-Z]{2,8}$/, 'must be 2–8 capital letters')
    .default('SLX')
    .describe('Prefix of credential and certificate numbers (2–8 capital letters)'),
});
export type NodeConfig = z.infer<typeof NodeConfig>;
