/**
 * Finds the credential JWT in what a user pastes or uploads: the bare JWT, a JSON string holding
 * it, or a JSON object with it under `jwt`, `credential`, `vc` or `token` (one level deep too,
 * e.g. the participant API's `{credential:{jwt}}`).
 */

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const KEYS = ['jwt', 'credential', 'vc', 'token'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function findIn(value: unknown, depth: number): string | null {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return JWT_SHAPE.test(trimmed) ? trimmed : null;
  }
  if (!isRecord(value) || depth > 2) return null;
  for (const key of KEYS) {
    const found = findIn(value[key], depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * The JWT in `text`, or the trimmed text itself when no JWT can be found in it (the verifier then
 * explains why it is not a credential).
 * @example extractJwt('{"jwt":"a.b.c"}') // 'a.b.c'
 */
export function extractJwt(text: string): string {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('"')) {
    try {
      return findIn(JSON.parse(trimmed), 0) ?? trimmed;
    } catch {
      return trimmed;
    }
  }
  // Pasted from an email or a PDF: line breaks and spaces inside the token.
  const joined = trimmed.replace(/\s+/g, '');
  return JWT_SHAPE.test(joined) ? joined : trimmed;
}
