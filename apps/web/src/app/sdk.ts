/**
 * The typed API client (`@shuliu/sdk`, generated from the server's OpenAPI document) for this
 * browser session: same origin, cookie session, CSRF header, and the UI language as
 * Accept-Language so error messages come back in it.
 */
import { createShuliuClient, type components } from '@shuliu/sdk';
import { currentLanguage } from './i18n';

/** The API client every feature's `api.ts` uses. */
export const api = createShuliuClient({ baseUrl: '', lang: currentLanguage });

/** Schemas of the API, by name. */
export type Schemas = components['schemas'];
