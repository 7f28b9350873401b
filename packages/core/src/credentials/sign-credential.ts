/**
 * Securing a credential as a JWT (VC-JOSE-COSE): the payload is the credential JSON, signed with
 * EdDSA (Ed25519) under the issuer's verification method `kid`.
 */
import { CompactSign, type CryptoKey, type KeyObject } from 'jose';
import { VC_JWT_CTY, VC_JWT_TYP, type VerifiableCredential } from './credential.js';

/** The key a credential is signed with: an Ed25519 private key and its DID URL. */
export interface CredentialSigner {
  privateKey: CryptoKey | KeyObject;
  /** Verification method id in the issuer's DID document, e.g. `did:web:example.com#key-1`. */
  keyId: string;
}

/** Signs `credential` as a compact JWS with header `{alg:'EdDSA', kid, typ:'vc+jwt', cty:'vc'}`. */
export async function signCredentialJwt(
  credential: VerifiableCredential,
  signer: CredentialSigner,
): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(credential)))
    .setProtectedHeader({ alg: 'EdDSA', kid: signer.keyId, typ: VC_JWT_TYP, cty: VC_JWT_CTY })
    .sign(signer.privateKey);
}
