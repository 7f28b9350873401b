/** A plain-text table for the profile benchmark's output: first columns left-aligned, figures right. */

/** Prints `rows` (the first is the header) indented by two spaces. */
export function printTextTable(rows: string[][], leftAligned = 1): void {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length))) ?? [];
  for (const row of rows) {
    const cells = row.map((cell, i) =>
      i < leftAligned ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0),
    );
    process.stdout.write(`  ${cells.join('  ').trimEnd()}\n`);
  }
}
