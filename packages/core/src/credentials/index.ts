export * from './credential.js';
export * from './status-list.js';
export * from './did-web.js';
export * from './sign-credential.js';
export * from './verification.js';
export * from './verification-messages.js';
export * from './verify-credential.js';
export { decodeCredentialJwt, isDateTime, type DecodedCredentialJwt } from './credential-format.js';
export * from './http-resolvers.js';
