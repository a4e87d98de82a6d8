import { describe, expect, it } from 'vitest';
import { cutText, displayWidth, fitTable, type Column } from '../../src/ui/fit-table.js';

describe('cutText and displayWidth', () => {
  it.each([
    ['Lilongwe City Assembly', 30, 'Lilongwe City Assembly'],
    ['Lilongwe City Assembly', 22, 'Lilongwe City Assembly'],
    ['Lilongwe City Assembly', 10, 'Lilongwe…'],
    ['Lilongwe City Assembly', 14, 'Lilongwe City…'],
    ['Asociación de Municipios', 6, 'Asoci…'],
    ['Rosario → Ciudad Sur', 9, 'Rosario…'],
    ['x', 0, ''],
  ])('%s at %i: %s', (text, width, cut) => {
    expect(cutText(text, width)).toBe(cut);
    expect(displayWidth(cutText(text, width))).toBeLessThanOrEqual(width);
  });

  it('counts characters as the terminal shows them', () => expect(displayWidth('Durban → Mzuzu – Asociación')).toBe(27));
});

const COLUMNS: Column[] = [
  { header: 'id', fit: 'whole', priority: 10 },
  { header: 'text', fit: 'cut', priority: 5, min: 8 },
  { header: 'count', fit: 'whole', priority: 1, align: 'right' },
];
const ROWS = [
  ['bergen-mombasa', 'Finish the land-use survey of the pilot area', '3'],
  ['johannesburg-lilongwe', 'Hold the first quarterly performance reviews', '14'],
];

describe('fitTable', () => {
  it('without a width, every cell whole', () => {
    const { text, hidden } = fitTable(COLUMNS, ROWS);
    expect(text).toContain('Finish the land-use survey of the pilot area');
    expect(hidden).toEqual([]);
  });

  it.each([[40, true], [50, true], [60, true], [80, false]])('at %i columns: no line longer, whole columns whole (cut: %s)', (width, cut) => {
    const { text } = fitTable(COLUMNS, ROWS, width);
    for (const line of text.trimEnd().split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(width);
    expect(text).toContain('johannesburg-lilongwe');
    expect(text.includes('…')).toBe(cut);
  });

  it('leaves out the least important column when the whole ones do not fit, and says which', () => {
    const { text, hidden } = fitTable(COLUMNS, ROWS, 32);
    expect(hidden).toEqual(['count']);
    expect(text.split('\n')[0]).toBe('id                     text');
    expect(text).toContain('johannesburg-lilongwe  Hold the…');
  });

  it('aligns numbers right', () => {
    const { text } = fitTable(COLUMNS, ROWS);
    expect(text.split('\n').map((l) => l.slice(-5))).toEqual(['count', '    3', '   14', '']);
  });
});
