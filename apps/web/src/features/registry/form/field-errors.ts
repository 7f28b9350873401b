/**
 * Puts the server's validation errors beside the fields they are about. The API answers bad input
 * with `details.issues: [{path, message}]` (zod paths such as `description.dataItems.0.name`) or a
 * single `details.field`; the wizard maps each path onto its own form field and opens the step.
 */

/** A path of an antd form field. */
export type FieldPath = (string | number)[];

/** Errors for one form field, in the shape `form.setFields` takes. */
export interface FieldErrors {
  name: FieldPath;
  errors: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `description.dataItems[0].name` → `['dataItems', 0, 'name']` (the body wrapper dropped). */
export function parseIssuePath(path: string): FieldPath {
  const segments = path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((s) => s.length > 0)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  return segments[0] === 'description' || segments[0] === 'body' ? segments.slice(1) : segments;
}

/**
 * The field errors in an API error's details. `mapPath` turns a description path into the form's
 * field (null to skip it); an error naming no field gives none, and the caller shows its message.
 */
export function fieldErrorsOf(
  details: Record<string, unknown>,
  message: string,
  mapPath: (path: FieldPath) => FieldPath | null,
): FieldErrors[] {
  const raw: { path: string; message: string }[] = [];
  if (Array.isArray(details.issues)) {
    for (const issue of details.issues) {
      if (isRecord(issue) && typeof issue.path === 'string' && issue.path !== '')
        raw.push({ path: issue.path, message: typeof issue.message === 'string' ? issue.message : message });
    }
  }
  if (typeof details.field === 'string' && details.field !== '') raw.push({ path: details.field, message });
  const byField = new Map<string, FieldErrors>();
  for (const { path, message: text } of raw) {
    const name = mapPath(parseIssuePath(path));
    if (!name || name.length === 0) continue;
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(text)) entry.errors.push(text);
    byField.set(key, entry);
  }
  return [...byField.values()];
}

/** The index of the step whose top-level fields include `path`'s first segment; -1 when none. */
export function stepOfField(path: FieldPath, stepFields: readonly (readonly string[])[]): number {
  const top = path[0];
  return typeof top === 'string' ? stepFields.findIndex((fields) => fields.includes(top)) : -1;
}
