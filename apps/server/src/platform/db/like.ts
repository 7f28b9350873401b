/** An ILIKE pattern matching `text` anywhere, with LIKE's wildcards and escape character taken literally. */
export function containingPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}
