/**
 * The first worksheet of a workbook: its name from `xl/workbook.xml` and its part from the
 * workbook's relationships. Both files are small; they are read whole and looked at with patterns,
 * which is enough for these two fixed OOXML shapes.
 */
import { posix } from 'node:path';

export interface FirstSheet {
  name: string;
  /** ZIP entry of the sheet's XML, e.g. `xl/worksheets/sheet1.xml`. */
  part: string;
}

/** Finds the first sheet listed in the workbook, or null when there is none. */
export function findFirstSheet(workbookXml: string, relsXml: string): FirstSheet | null {
  const sheet = /<(?:\w+:)?sheet\b([^>]*)>/.exec(workbookXml);
  if (!sheet) return null;
  const attributes = sheet[1] ?? '';
  const name = attributeOf(attributes, 'name') ?? 'Sheet1';
  const relationId = attributeOf(attributes, '(?:\\w+:)?id');
  if (relationId === null) return null;
  for (const match of relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const relation = match[1] ?? '';
    if (attributeOf(relation, 'Id') !== relationId) continue;
    const target = attributeOf(relation, 'Target');
    if (target === null) return null;
    // Targets are relative to `xl/`, or absolute from the package root.
    const part = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('xl', target));
    return { name, part };
  }
  return null;
}

function attributeOf(attributes: string, name: string): string | null {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(attributes);
  if (!match) return null;
  return decodeXmlEntities(match[2] ?? match[3] ?? '');
}

function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (entity: string, body: string) => {
    switch (body.toLowerCase()) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default: {
        const code =
          body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      }
    }
  });
}
