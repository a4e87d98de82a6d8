import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, parseSource, readSource } from '../../src/store/source.js';
import { tempDir } from '../helpers/cli.js';
import { positionIn } from '../helpers/plant.js';

// Positions are 1-based lines and columns; every expectation is computed from the text itself.

const TEXT = [
  '# a comment first',
  'id: johannesburg-lilongwe',
  'mentor:',
  '  name: City of Johannesburg',
  '  country: ZA',
  'history:',
  '  - stage: request',
  '    date: 2008-05-12',
  '  - stage: assessment',
  'focus: [finance, planning]',
  '',
].join('\n');

const at = (where: string, token?: string) => positionIn(TEXT, where, token);

const LOCATIONS: [string, (string | number)[], 'key' | 'value', { line: number; column: number }][] = [
  ['a value', ['id'], 'value', at('id: johannesburg', 'johannesburg')],
  ['a key', ['id'], 'key', at('id: johannesburg')],
  ['a nested value', ['mentor', 'country'], 'value', at('country: ZA', 'ZA')],
  ['a nested key', ['mentor', 'country'], 'key', at('country: ZA')],
  ['a missing key: its parent mapping key', ['mentor', 'kind'], 'key', at('mentor:')],
  ['a missing key in a list item: the item', ['history', 1, 'date'], 'key', at('- stage: assessment', 'stage')],
  ['a value in a list item', ['history', 0, 'date'], 'value', at('date: 2008-05-12', '2008')],
  ['a flow list item', ['focus', 1], 'value', at('planning]')],
  ['a missing list index: the list key', ['history', 5], 'value', at('history:')],
  ['the whole document', [], 'value', at('id: johannesburg')],
  ['a missing top-level key: the document', ['stage'], 'key', at('id: johannesburg')],
];

describe('locate', () => {
  const source = parseSource('p.yaml', TEXT);

  it.each(LOCATIONS)('%s', (_name, keys, target, expected) => {
    expect(source.locate(keys, target)).toEqual(expected);
  });

  it.each(LOCATIONS)('gives the same position with CRLF line endings: %s', (_name, keys, target, expected) => {
    expect(parseSource('p.yaml', TEXT.replace(/\n/g, '\r\n')).locate(keys, target)).toEqual(expected);
  });
});

describe('readSource', () => {
  const write = (name: string, content: string | Buffer) => {
    const root = tempDir();
    writeFileSync(path.join(root, name), content);
    return readSource(root, name);
  };
  const DUPLICATE = 'a: 1\nb:\n  c: 2\n  c: 3\n';
  const duplicateAt = positionIn(DUPLICATE, '  c: 3', 'c');

  it.each([
    ['LF', DUPLICATE],
    ['CRLF', DUPLICATE.replace(/\n/g, '\r\n')],
    ['a byte-order mark', `\uFEFF${DUPLICATE}`],
    ['a byte-order mark and CRLF', `\uFEFF${DUPLICATE.replace(/\n/g, '\r\n')}`],
  ])('reads a file with %s at the same positions', (_name, content) => {
    const source = write('x.yaml', content);
    expect(source.problems.map((p) => [p.code, p.line, p.column])).toEqual([['MTR002', duplicateAt.line, duplicateAt.column]]);
    expect(source.locate(['b', 'c'])).toEqual(positionIn(DUPLICATE, 'c: 2', '2'));
    expect(source.locate(['a'])).toEqual({ line: 1, column: 4 });
    expect(source.data).toEqual({ a: 1, b: { c: 3 } });
  });

  it.each([
    ['not UTF-8', Buffer.from('title: Reunión técnica\n', 'latin1')],
    ['binary (a NUL byte)', Buffer.from('title: x\n\u0000\n')],
    ['too large', Buffer.alloc(MAX_FILE_BYTES + 1, 'a')],
  ])('refuses a file that is %s with MTR006 at 1:1', (_name, content) => {
    const source = write('x.yaml', content);
    expect(source.problems.map((p) => [p.code, p.line, p.column])).toEqual([['MTR006', 1, 1]]);
    expect(source.data).toBeUndefined();
  });

  it('refuses a symbolic link without following it', () => {
    const root = tempDir();
    mkdirSync(path.join(root, 'd'));
    writeFileSync(path.join(root, 'real.yaml'), 'a: 1\n');
    symlinkSync(path.join(root, 'real.yaml'), path.join(root, 'd/link.yaml'));
    const source = readSource(root, 'd/link.yaml');
    expect(source.problems.map((p) => p.code)).toEqual(['MTR006']);
    expect(source.data).toBeUndefined();
  });

  it('reports a missing file as MTR006, without throwing', () => {
    expect(readSource(tempDir(), 'absent.yaml').problems.map((p) => p.code)).toEqual(['MTR006']);
  });
});

/** [name, text, [code, where?, token?][], fatal (no data)]; without `where`, only the code is checked. */
const REFUSALS: [string, string, [string, string?, string?][], boolean][] = [
  ['an alias (and its anchor)', 'a: &x 1\nb: *x\n', [['MTR003', 'a: &x', '&x'], ['MTR003', '*x']], true],
  ['an anchor alone', 'a: &x 1\nb: 2\n', [['MTR003', 'a: &x', '&x']], false],
  ['an anchor on a mapping', 'a: &x\n  c: 1\nb: 2\n', [['MTR003', 'a: &x', '&x']], false],
  ['a standard tag', 'a: !!str 1\nb: 2\n', [['MTR004', '!!str']], true],
  ['a custom tag', 'a: 1\nb: !point x\n', [['MTR004', '!point']], true],
  ['a timestamp tag', 'd: !!timestamp 2011-03-14\n', [['MTR004', '!!timestamp']], true],
  ['a %YAML directive', '%YAML 1.1\n---\nd: 2011-03-14\n', [['MTR004', '%YAML']], false],
  ['a %TAG directive', '%TAG !e! tag:example.com,2000:\n---\na: 1\n', [['MTR004', '%TAG']], false],
  ['two documents', 'a: 1\n---\nb: 2\n', [['MTR005', '---']], true],
  ['a duplicate key', 'a: 1\nb: 2\na: 3\n', [['MTR002', 'a: 3', 'a']], false],
  ['a tab as indentation', 'a:\n\tb: 1\n', [['MTR001', '\tb', '\t']], true],
  ['an unclosed quote', 'a: "abc\nb: 2\n', [['MTR001']], true],
  ['an unclosed bracket', 'a: [1, 2\nb: 2\n', [['MTR001']], true],
];

describe('parseSource refusals', () => {
  it.each(REFUSALS)('%s', (_name, text, expected, fatal) => {
    const source = parseSource('f.yaml', text);
    const codes = expected.map(([code]) => code);
    expect(source.problems.map((p) => p.code).sort()).toEqual(expect.arrayContaining(codes.sort()));
    for (const [code, where, token] of expected) {
      if (where === undefined) continue;
      const { line, column } = positionIn(text, where, token ?? where);
      if (code === 'MTR001') expect(source.problems.some((p) => p.code === code && p.line === line)).toBe(true);
      else expect(source.problems.filter((p) => p.code === code).map((p) => [p.line, p.column])).toContainEqual([line, column]);
    }
    expect(source.data === undefined).toBe(fatal);
  });

  it('reads a duplicate key once and goes on, so one duplicate hides no other problem', () => {
    expect(parseSource('f.yaml', 'a: 1\na: 2\nb: 3\n').data).toMatchObject({ b: 3 });
  });

  it('keeps dates and yes/no as strings even under %YAML 1.1', () => {
    const source = parseSource('f.yaml', '%YAML 1.1\n---\nd: 2011-03-14\ny: yes\n');
    expect(source.data).toEqual({ d: '2011-03-14', y: 'yes' });
  });

  it.each([
    ['an empty file', ''],
    ['a file of comments only', '# nothing yet\n'],
  ])('reads %s as null data without problems', (_name, text) => {
    const source = parseSource('f.yaml', text);
    expect(source.problems).toEqual([]);
    expect(source.data).toBeNull();
  });

  it('does not throw on a deeply nested file', () => {
    const text = `a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    expect(() => parseSource('f.yaml', text)).not.toThrow();
  });

  it('refuses an alias bomb quickly instead of expanding it', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
    const started = Date.now();
    const source = parseSource('f.yaml', `${lines.join('\n')}\n`);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(source.data).toBeUndefined();
    expect(source.problems.some((p) => p.code === 'MTR003')).toBe(true);
  });
});

describe('parseSource syntax errors point at the broken line', () => {
  const BASE = 'id: x\nmentor:\n  name: City\n  kind: city\n  country: ZA\nstage: request\n';
  const broken: [string, string, string][] = [
    ['a key indented one space less', '  kind: city', ' kind: city'],
    ['a key indented one space more', '  kind: city', '   kind: city'],
    ['a list item key indented less', '  kind: city', '  contacts:\n    - name: A\n      role: B\n     email: c\n  kind: city'],
  ];

  it.each(broken)('%s: MTR001 on that line and on no other', (_name, find, replacement) => {
    const text = BASE.replace(find, replacement);
    const bad = replacement.split('\n').at(-1) === '  kind: city' ? replacement.split('\n').at(-2)! : replacement;
    const { line } = positionIn(text, `\n${bad}\n`, bad);
    const source = parseSource('f.yaml', text);
    expect(source.data).toBeUndefined();
    expect(source.problems.length).toBeGreaterThan(0);
    expect(source.problems.map((p) => `${p.code} line ${p.line}`)).toEqual(source.problems.map(() => `MTR001 line ${line}`));
  });

  it('does not call a badly indented list item an unclosed quote or bracket', () => {
    const source = parseSource('f.yaml', 'h:\n  - stage: a\n    date: 1\n   note: x\n');
    for (const p of source.problems) expect(p.message).not.toMatch(/quote or bracket/);
  });
});
