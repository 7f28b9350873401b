import { describe, expect, it } from 'vitest';
import { extractJwt } from './extract-jwt';

const JWT = 'eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJkaWQ6d2ViOngifQ.c2ln';

describe('extractJwt', () => {
  it('returns a bare JWT without surrounding whitespace', () => {
    expect(extractJwt(`  ${JWT}\n`)).toBe(JWT);
  });

  it('joins a JWT broken over several lines', () => {
    expect(extractJwt(`${JWT.slice(0, 20)}\n${JWT.slice(20)}`)).toBe(JWT);
  });

  it('finds the JWT in a JSON file under jwt or credential.jwt', () => {
    expect(extractJwt(JSON.stringify({ jwt: JWT }))).toBe(JWT);
    expect(extractJwt(JSON.stringify({ credential: { number: 'X', jwt: JWT } }))).toBe(JWT);
    expect(extractJwt(JSON.stringify(JWT))).toBe(JWT);
  });

  it('hands back text that holds no JWT so the verifier can say why', () => {
    expect(extractJwt('{"hello":"world"}')).toBe('{"hello":"world"}');
    expect(extractJwt('not a credential')).toBe('not a credential');
  });
});
