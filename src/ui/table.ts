import { printable } from './printable.js';

/** Plain-text table: columns padded to their widest cell; the `shrink` column is cut to fit `width`. Cells are data: control characters are shown escaped. */
export function renderTable(headers: string[], cells: string[][], options: { width?: number; shrink?: number } = {}): string {
  const rows = cells.map((row) => row.map(printable));
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const total = widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  if (options.width && options.shrink !== undefined && total > options.width) {
    const i = options.shrink;
    widths[i] = Math.max(headers[i]!.length, widths[i]! - (total - options.width));
  }
  const cut = (text: string, width: number) => (text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…` : text.padEnd(width));
  const line = (cells: string[]) => cells.map((c, i) => cut(c, widths[i]!)).join('  ').trimEnd();
  return `${[line(headers), ...rows.map(line)].join('\n')}\n`;
}
