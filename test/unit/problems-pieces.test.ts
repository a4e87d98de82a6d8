import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { keepSourceLines, ownString, reportOf, sourceLineOf, type Problem, type SourceLines } from '../../src/model/problem.js';
import { colorFor } from '../../src/ui/color.js';
import { drained, writePieces } from '../../src/ui/io.js';
import { jsonDocumentPieces, jsonListPieces, LIST } from '../../src/ui/json.js';
import { githubPieces, jsonPieces, renderGithub, renderJson, sarifPieces, textPieces } from '../../src/ui/problems.js';

const at = (i: number): Problem => ({
  file: `partnerships/p-${String(i % 7).padStart(3, '0')}/sessions/2009-0${(i % 9) + 1}-01-visit.yaml`,
  line: (i % 40) + 1,
  column: (i % 5) + 1,
  code: i % 3 === 0 ? 'MTR012' : 'MTR061',
  severity: i % 3 === 0 ? 'error' : 'warning',
  message: `a message with "quotes", a line\nbreak, Córdoba – Lilongwe and ${i}`,
  ...(i % 2 === 0 && { hint: `did you mean "x${i}"?` }),
});

describe('a report written in pieces', () => {
  it.each([0, 1, 2, 1999, 2000, 2001, 4500])('JSON of %i problems is exactly JSON.stringify of the document', (count) => {
    const report = reportOf(Array.from({ length: count }, (_, i) => at(i)), 12);
    const problems = report.problems.map((p) => ({ file: p.file, line: p.line, column: p.column, code: p.code, severity: p.severity, message: p.message, hint: p.hint ?? null }));
    const whole = `${JSON.stringify({ ok: report.ok, errors: report.errors, warnings: report.warnings, files: report.files, problems }, null, 2)}\n`;
    const pieces = [...jsonPieces(report)];
    expect(pieces.join('')).toBe(whole);
    expect(renderJson(report)).toBe(whole);
    // Never one piece for a large report.
    expect(pieces.length).toBeGreaterThanOrEqual(Math.ceil(count / 2000));
  });

  it.each([0, 1, 2000, 4500])('SARIF of %i problems is exactly JSON.stringify of the whole log, in pieces', (count) => {
    const report = reportOf(Array.from({ length: count }, (_, i) => at(i)), 12);
    const pieces = [...sarifPieces(report, '9.9.9')];
    const log = JSON.parse(pieces.join('')) as { runs: [{ tool: { driver: { rules: { id: string }[] } }; results: unknown[] }] };
    expect(pieces.join('')).toBe(`${JSON.stringify(log, null, 2)}\n`);
    const rules = log.runs[0].tool.driver.rules.map((r) => r.id);
    expect(log.runs[0].results).toEqual(
      report.problems.map((p) => ({
        ruleId: p.code,
        ruleIndex: rules.indexOf(p.code),
        level: p.severity,
        message: { text: p.hint ? `${p.message} (${p.hint})` : p.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: p.file, uriBaseId: '%SRCROOT%' }, region: { startLine: p.line, startColumn: p.column } } }],
      })),
    );
    expect(pieces.length).toBeGreaterThanOrEqual(Math.ceil(count / 2000));
  });

  it.each([0, 1, 2000, 4500])('GitHub annotations of %i problems: one line each, in pieces of whole lines', (count) => {
    const report = reportOf(Array.from({ length: count }, (_, i) => at(i)), 12);
    const pieces = [...githubPieces(report)];
    expect(pieces.join('')).toBe(renderGithub(report));
    expect(pieces.join('').split('\n').filter((line) => line.startsWith('::'))).toHaveLength(count);
    for (const piece of pieces) expect(piece.endsWith('\n')).toBe(true);
    expect(pieces.length).toBe(Math.ceil(count / 2000));
  });

  it('a position that is no finite number is written null, as JSON.stringify writes it', () => {
    const odd = { ...at(1), line: Number.NaN, column: Number.POSITIVE_INFINITY };
    const report = reportOf([odd], 1);
    const whole = JSON.parse([...jsonPieces(report)].join('')) as { problems: { line: unknown; column: unknown }[] };
    expect(whole.problems[0]).toMatchObject({ line: null, column: null });
  });

  it('text pieces join into the whole text, each ending at a problem', async () => {
    const report = reportOf(Array.from({ length: 4100 }, (_, i) => at(i)), 30, () => 'key: value');
    const pieces = [...textPieces(report, await colorFor({}, {}, false))];
    expect(pieces.length).toBe(3);
    for (const piece of pieces) expect(piece.endsWith('\n')).toBe(true);
    const text = pieces.join('');
    expect(text.match(/^partnerships\//gm)).toHaveLength(4100);
    expect(text.endsWith('30 files checked: 1367 errors, 2733 warnings\n')).toBe(true);
  });
});

describe('source lines kept for a report', () => {
  const text = 'a: 1\r\nb: 2\n\nd: 4\nlast';
  const p = (line: number, file = 'f.yaml'): Problem => ({ file, line, column: 1, code: 'MTR011', severity: 'error', message: 'm' });

  it('keeps only the lines problems point at, without their line ends', () => {
    const lines: SourceLines = {};
    keepSourceLines(lines, 'f.yaml', text, [p(5), p(1), p(3), p(1), p(9), p(2, 'other.yaml')]);
    expect(lines).toEqual({ 'f.yaml': { 1: 'a: 1', 3: '', 5: 'last' } });
    const read = sourceLineOf(lines);
    expect(read('f.yaml', 5)).toBe('last');
    expect(read('f.yaml', 4)).toBe('');
    expect(read('other.yaml', 2)).toBe('');
  });

  it('keeps nothing for a file without problems', () => {
    const lines: SourceLines = {};
    keepSourceLines(lines, 'f.yaml', text, [p(2, 'other.yaml')]);
    expect(lines).toEqual({});
  });

  it('a line after a final line end is empty, as in an editor', () => {
    const lines: SourceLines = {};
    keepSourceLines(lines, 'f.yaml', 'a: 1\n', [p(2), p(3)]);
    expect(lines).toEqual({ 'f.yaml': { 2: '' } });
  });
});

describe('ownString', () => {
  it('is the same text', () => {
    for (const s of ['', 'a', 'x'.repeat(5000), 'Córdoba – Lilongwe']) expect(ownString(s)).toBe(s);
  });
});

describe('writePieces', () => {
  /** A stream that takes `room` pieces, then asks the writer to wait for "drain". */
  class SlowPipe extends EventEmitter {
    written: string[] = [];
    waiting = 0;
    destroyed = false;
    constructor(private room: number) {
      super();
    }
    write(piece: string): boolean {
      this.written.push(piece);
      if (--this.room > 0) return true;
      this.waiting++;
      this.room = 2;
      setImmediate(() => this.emit('drain'));
      return false;
    }
  }

  it('writes every piece in order, waiting for a full pipe to drain', async () => {
    const pipe = new SlowPipe(2);
    const pieces = Array.from({ length: 9 }, (_, i) => `piece ${i}\n`);
    await writePieces(pipe, pieces);
    expect(pipe.written).toEqual(pieces);
    expect(pipe.waiting).toBeGreaterThan(2);
    expect(pipe.listenerCount('drain') + pipe.listenerCount('error') + pipe.listenerCount('close')).toBe(0);
  });

  it('stops at a stream that fails while it waits (a reader gone), without throwing', async () => {
    const pipe = new SlowPipe(1);
    pipe.write = function (piece: string) {
      this.written.push(piece);
      setImmediate(() => this.emit('error', Object.assign(new Error('EPIPE'), { code: 'EPIPE' })));
      return false;
    };
    pipe.on('error', () => {});
    await writePieces(pipe, ['a', 'b', 'c']);
    expect(pipe.written).toEqual(['a']);
  });

  it('goes on when the stream has taken everything, even if it never says "drain"', async () => {
    const pipe = new SlowPipe(1);
    let held = 0;
    pipe.write = function (piece: string) {
      this.written.push(piece);
      held = piece.length;
      setTimeout(() => (held = 0), 5);
      return false;
    };
    Object.defineProperty(pipe, 'writableLength', { get: () => held });
    await writePieces(pipe, ['a', 'b', 'c']);
    expect(pipe.written).toEqual(['a', 'b', 'c']);
  });

  it('writes everything to a plain writer that never says to wait', async () => {
    const out: string[] = [];
    await writePieces({ write: (s: string) => out.push(s) }, ['x', 'y']);
    expect(out).toEqual(['x', 'y']);
  });
});

describe('drained', () => {
  it('resolves for a last small write that the pipe takes later: such a write never asks for "drain", so none comes', async () => {
    const pipe = new EventEmitter() as EventEmitter & { writableLength: number; destroyed: boolean };
    pipe.writableLength = 120;
    pipe.destroyed = false;
    setTimeout(() => (pipe.writableLength = 0), 10);
    expect(await drained(pipe)).toBe(true);
  });

  it('is false for a stream that fails or is gone', async () => {
    const pipe = new EventEmitter() as EventEmitter & { writableLength: number; destroyed: boolean };
    pipe.writableLength = 120;
    pipe.destroyed = false;
    setTimeout(() => pipe.emit('error', new Error('EPIPE')), 5);
    pipe.on('error', () => {});
    expect(await drained(pipe)).toBe(false);
    expect(await drained({ destroyed: true })).toBe(false);
  });
});

describe('jsonListPieces', () => {
  const item = (i: number) => ({ id: `p-${i}`, title: `Durban – Mzuzu\n"phase" ${i}`, counts: { sessions: i, targets: [1, 2, { due: null }] }, empty: {}, none: [] });
  it.each([
    [{ asOf: '2011-04-01' }, 0],
    [{ asOf: '2011-04-01' }, 1],
    [{ asOf: '2011-04-01', nested: { a: [1] } }, 499],
    [{ asOf: '2011-04-01' }, 500],
    [{}, 1201],
    [{}, 0],
  ])('head %j with %i items is exactly JSON.stringify of the whole, with a line end', (head, count) => {
    const items = Array.from({ length: count }, (_, i) => item(i));
    const pieces = [...jsonListPieces(head, 'partnerships', items)];
    expect(pieces.join('')).toBe(`${JSON.stringify({ ...head, partnerships: items }, null, 2)}\n`);
    expect(pieces.length).toBe(Math.max(1, Math.ceil(count / 500)) + (count > 0 && count % 500 === 0 ? 1 : 0));
  });

  it('writes an item JSON cannot hold as null, as JSON.stringify does in a list', () => {
    const items = [undefined, () => 1, 3];
    expect([...jsonListPieces({}, 'x', items)].join('')).toBe(`${JSON.stringify({ x: items }, null, 2)}\n`);
  });
});

describe('jsonDocumentPieces', () => {
  const items = Array.from({ length: 1201 }, (_, i) => ({ n: i, text: `line\nbreak ${i}`, list: [i, { deep: [] }] }));
  it.each([0, 1, 500, 1201])('a list %i items long deep in a document is exactly JSON.stringify of the whole', (count) => {
    const list = items.slice(0, count);
    const doc = (value: unknown) => ({ version: '2.1.0', runs: [{ tool: { name: 'x', rules: [{ id: 'a' }] }, results: value, after: { more: true } }], last: 1 });
    expect([...jsonDocumentPieces(doc(LIST), list)].join('')).toBe(`${JSON.stringify(doc(list), null, 2)}\n`);
  });

  it('refuses a document without the marker, or with two', () => {
    expect(() => [...jsonDocumentPieces({ a: 1 }, [1])]).toThrow(/exactly once/);
    expect(() => [...jsonDocumentPieces({ a: LIST, b: LIST }, [1])]).toThrow(/exactly once/);
  });
});
