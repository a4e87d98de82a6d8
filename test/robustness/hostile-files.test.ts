// Hostile files: every class of input a repository edited by many hands can hold gets a defined
// exit code (1 for bad data; 0 for what is accepted), a located message, and never a stack trace,
// a hang or a run-away. Each class is tried through validate and through every other command in
// this process (status, advance, suspend, session add and list, report), and through the real
// binary. The long run tries every case everywhere; `npm test` a small tier of every class: the
// first two cases of each (the second only if light) through validate, the first light case
// through three of the other commands (a reading, a writing and a listing one, in turn), and the
// first light refused and accepted cases through the binary.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/store/source.js';
import { copyOfExamples, copyTree, EXAMPLES, tempDir } from '../helpers/cli.js';
import { random } from '../helpers/damage.js';
import { cases, Figures, HANG_MS, LONG, outcomeOf, SEED, STACK_LINE } from './figures.js';
import { binary, fingerprint, inProcess, pool, type Ran } from './support.js';

const figures = new Figures('1-hostile-files');
const SECTION = '1. Hostile files';
const ID = 'durban-mzuzu';
const AS_OF = '2011-03-31';
const FOLDER = `partnerships/${ID}`;
const PARTNERSHIP = `${FOLDER}/partnership.yaml`;
const SESSION = `${FOLDER}/sessions/2010-08-09-first-contact-session-in-mzuzu.yaml`;

type Target = 'partnership' | 'session' | 'config';
const TARGET_FILES: Record<Target, string> = { partnership: PARTNERSHIP, session: SESSION, config: 'mentor.yaml' };

interface HostileCase {
  cls: string;
  name: string;
  target: Target;
  content: string | Buffer | ((original: string) => string | Buffer);
  /** The exit code of validate, and the problem code it must report in the file (none for exit 0). */
  exit: 0 | 1;
  code?: string;
  /** Seconds of parsing per command: through the other commands only in the long run. */
  heavy?: true;
  /** Tried in the long run only, through validate only: why. */
  longOnly?: { why: string };
}

const original = (target: Target) => readFileSync(path.join(EXAMPLES, TARGET_FILES[target]), 'utf8');

function aliasBomb(levels: number): string {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < levels; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

const rand = random(SEED);
const randomBytes = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256)));
const randomText = (n: number) => Array.from({ length: n }, () => String.fromCodePoint(1 + Math.floor(rand() * 0x2fff))).join('');

const ALL_HOSTILE: HostileCase[] = [
  // Alias bombs and anchors: refused before anything is expanded.
  { cls: 'alias bomb (billion laughs)', name: '9^10 expansions', target: 'partnership', content: aliasBomb(10), heavy: true, exit: 1, code: 'MTR003' },
  { cls: 'alias bomb (billion laughs)', name: '9^20 expansions in a session file', target: 'session', content: aliasBomb(20), exit: 1, code: 'MTR003' },
  { cls: 'alias bomb (billion laughs)', name: 'inside a valid partnership', target: 'partnership', content: (o) => `${o}bomb: ${aliasBomb(12).replace(/\n/g, '\n  ').trimEnd()}\n`, exit: 1, code: 'MTR003' },
  { cls: 'anchors and aliases', name: 'mentee is an alias of mentor', target: 'partnership', content: (o) => o.replace(/^mentor:/m, 'mentor: &m').replace(/^mentee:[\s\S]*?(?=^stage:)/m, 'mentee: *m\n'), exit: 1, code: 'MTR003' },
  { cls: 'anchors and aliases', name: 'an anchor alone', target: 'session', content: (o) => o.replace(/^title:/m, 'title: &t'), exit: 1, code: 'MTR003' },
  { cls: 'anchors and aliases', name: 'a merge key <<: *base', target: 'session', content: (o) => `base: &b {level: technical}\n${o}<<: *b\n`, exit: 1, code: 'MTR003' },
  // Tags and directives.
  { cls: 'custom and standard tags', name: '!custom on a value', target: 'partnership', content: (o) => o.replace(/^title: /m, 'title: !custom '), exit: 1, code: 'MTR004' },
  { cls: 'custom and standard tags', name: '!!binary', target: 'session', content: (o) => o.replace(/^title: .*$/m, 'title: !!binary aGVsbG8='), exit: 1, code: 'MTR004' },
  { cls: 'custom and standard tags', name: '!!timestamp on a date', target: 'session', content: (o) => o.replace(/^date: /m, 'date: !!timestamp '), exit: 1, code: 'MTR004' },
  { cls: 'custom and standard tags', name: 'a verbatim tag !<tag:yaml.org,2002:str>', target: 'partnership', content: (o) => o.replace(/^title: /m, 'title: !<tag:yaml.org,2002:str> '), exit: 1, code: 'MTR004' },
  { cls: 'custom and standard tags', name: '!!python/object on a mapping', target: 'partnership', content: (o) => o.replace(/^mentor:/m, 'mentor: !!python/object:os.system'), exit: 1, code: 'MTR004' },
  { cls: '%YAML and %TAG directives', name: '%YAML 1.1 (dates and yes stay strings)', target: 'partnership', content: (o) => `%YAML 1.1\n---\n${o}`, exit: 1, code: 'MTR004' },
  { cls: '%YAML and %TAG directives', name: '%TAG', target: 'session', content: (o) => `%TAG !e! tag:example.com,2000:\n---\n${o}`, exit: 1, code: 'MTR004' },
  { cls: '%YAML and %TAG directives', name: 'a second document', target: 'partnership', content: (o) => `${o}---\nid: other\n`, exit: 1, code: 'MTR005' },
  { cls: '%YAML and %TAG directives', name: 'a document end marker and more', target: 'session', content: (o) => `${o}...\ntitle: again\n`, exit: 1 },
  // Bytes that are not YAML text.
  ...Array.from({ length: cases(1, 60) }, (_, i): HostileCase => ({ cls: 'binary garbage', name: `random bytes #${i + 1}`, target: i % 3 === 2 ? 'config' : i % 2 ? 'session' : 'partnership', content: randomBytes(1 + Math.floor(rand() * 8192)), exit: 1 })),
  ...Array.from({ length: cases(1, 40) }, (_, i): HostileCase => ({ cls: 'binary garbage', name: `random Unicode text #${i + 1}`, target: i % 2 ? 'session' : 'partnership', content: randomText(1 + Math.floor(rand() * 4000)), exit: 1 })),
  { cls: 'binary garbage', name: 'a NUL byte in a value', target: 'partnership', content: (o) => o.replace(/^title: /m, 'title: \u0000'), exit: 1, code: 'MTR006' },
  { cls: 'invalid UTF-8', name: 'a lone 0xFF byte', target: 'partnership', content: (o) => Buffer.concat([Buffer.from(o.slice(0, 40)), Buffer.from([0xff]), Buffer.from(o.slice(40))]), exit: 1, code: 'MTR006' },
  { cls: 'invalid UTF-8', name: 'Latin-1 accents', target: 'session', content: (o) => Buffer.from(`${o}location: Reuni\u00f3n t\u00e9cnica\n`, 'latin1'), exit: 1, code: 'MTR006' },
  { cls: 'invalid UTF-8', name: 'an overlong encoding of "/"', target: 'partnership', content: (o) => Buffer.concat([Buffer.from(o), Buffer.from([0x23, 0xc0, 0xaf, 0x0a])]), exit: 1, code: 'MTR006' },
  { cls: 'invalid UTF-8', name: 'an encoded surrogate half', target: 'session', content: (o) => Buffer.concat([Buffer.from(o), Buffer.from([0x23, 0xed, 0xa0, 0x80, 0x0a])]), exit: 1, code: 'MTR006' },
  { cls: 'invalid UTF-8', name: 'a multi-byte character cut at the end', target: 'partnership', content: (o) => Buffer.concat([Buffer.from(o), Buffer.from([0x23, 0xe2, 0x82])]), exit: 1, code: 'MTR006' },
  { cls: 'invalid UTF-8', name: 'UTF-16 with its byte-order mark', target: 'partnership', content: (o) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(o, 'utf16le')]), exit: 1, code: 'MTR006' },
  // Accepted: a byte-order mark and CRLF line endings.
  { cls: 'byte-order mark and CRLF (accepted)', name: 'CRLF', target: 'partnership', content: (o) => o.replace(/\n/g, '\r\n'), exit: 0 },
  { cls: 'byte-order mark and CRLF (accepted)', name: 'a byte-order mark', target: 'session', content: (o) => `\uFEFF${o}`, exit: 0 },
  { cls: 'byte-order mark and CRLF (accepted)', name: 'both, in every file of the partnership', target: 'partnership', content: (o) => `\uFEFF${o.replace(/\n/g, '\r\n')}`, exit: 0 },
  { cls: 'byte-order mark and CRLF (accepted)', name: 'both, in mentor.yaml', target: 'config', content: (o) => `\uFEFF${o.replace(/\n/g, '\r\n')}`, exit: 0 },
  // Empty files.
  { cls: 'empty files', name: '0 bytes', target: 'partnership', content: '', exit: 1, code: 'MTR011' },
  { cls: 'empty files', name: 'blank lines only', target: 'session', content: '\n  \n\n', exit: 1, code: 'MTR011' },
  { cls: 'empty files', name: 'comments only', target: 'partnership', content: '# to be written\n', exit: 1, code: 'MTR011' },
  { cls: 'empty files', name: 'a lone ---', target: 'session', content: '---\n', exit: 1, code: 'MTR011' },
  { cls: 'empty files', name: 'null', target: 'partnership', content: '~\n', exit: 1, code: 'MTR011' },
  { cls: 'empty files', name: 'an empty mentor.yaml', target: 'config', content: '', exit: 1 },
  // Deep nesting: tens of thousands of levels.
  // The first is the class's case in `npm test`: flow collections, at about half the cost of the 50,000 lists.
  { cls: 'deeply nested collections', name: '20,000 nested flow mappings', target: 'session', content: `title: ${'{a: '.repeat(20_000)}1${'}'.repeat(20_000)}\n`, heavy: true, exit: 1, code: 'MTR001' },
  { cls: 'deeply nested collections', name: '50,000 nested flow lists', target: 'partnership', content: `id: x\nfocus: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`, heavy: true, exit: 1, code: 'MTR001' },
  { cls: 'deeply nested collections', name: '40,000 nested block lists on one line', target: 'partnership', content: `${'- '.repeat(40_000)}x\n`, heavy: true, exit: 1, code: 'MTR001' },
  { cls: 'deeply nested collections', name: '30,000 levels of alternating [{', target: 'session', content: `a: ${'[{a: '.repeat(15_000)}1${'}]'.repeat(15_000)}\n`, heavy: true, exit: 1, code: 'MTR001' },
  { cls: 'deeply nested collections', name: '1,400 levels of block indentation (the most under the size limit)', target: 'partnership', content: Array.from({ length: 1400 }, (_, i) => `${' '.repeat(i)}k:`).join('\n'), heavy: true, exit: 1 },
  { cls: 'deeply nested collections', name: '100,000 unclosed [', target: 'partnership', content: `a: ${'['.repeat(100_000)}\n`, heavy: true, exit: 1, code: 'MTR001' },
  // Size.
  { cls: 'very large files', name: 'one byte over the limit', target: 'partnership', content: (o) => o + `#${'x'.repeat(MAX_FILE_BYTES - Buffer.byteLength(o) - 1)}\n`, heavy: true, exit: 1, code: 'MTR006' },
  { cls: 'very large files', name: 'a 900 KB title on one line', target: 'session', content: (o) => o.replace(/^title: .*$/m, `title: ${'long '.repeat(180_000)}`), heavy: true, exit: 0 },
  { cls: 'very large files', name: '25,000 focus areas (under the limit)', target: 'partnership', content: (o) => o.replace(/^focus:\n/m, `focus:\n${Array.from({ length: 25_000 }, (_, i) => `  - area ${i}\n`).join('')}`), heavy: true, exit: 0 },
  { cls: 'very large files', name: '10,000 keys in one mapping', target: 'session', content: (o) => `${o}${Array.from({ length: 10_000 }, (_, i) => `k${i}: v\n`).join('')}`, heavy: true, exit: 1, code: 'MTR012' },
  {
    cls: 'very large files: 95,000 unknown keys, as many as fit under the size limit (long run only)',
    name: '95,000 unknown keys',
    target: 'session',
    content: (o) => `${o}${Array.from({ length: 95_000 }, (_, i) => `k${i}: v\n`).join('')}`,
    heavy: true,
    longOnly: { why: 'linear, but 95,000 problems each with a did-you-mean: the edit distances of src/util/text.ts take most of it' },
    exit: 1,
    code: 'MTR012',
  },
];
const HOSTILE = ALL_HOSTILE.filter((c) => LONG || !c.longOnly);
/** The cases of a class, in order. */
const ofClass = (c: HostileCase) => HOSTILE.filter((d) => d.cls === c.cls);

/** The file as written for a case; the special ones (sparse, FIFO) are made by `prepare`. */
function contentOf(c: HostileCase): string | Buffer {
  return typeof c.content === 'function' ? c.content(original(c.target)) : c.content;
}

/** A copy of the examples with one file replaced; removed by `done`, so hundreds of cases stay cheap. */
function repoWith(target: Target, content: string | Buffer): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'mentor-hostile-'));
  copyTree(EXAMPLES, root);
  writeFileSync(path.join(root, TARGET_FILES[target]), content);
  return root;
}

function done(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/**
 * Every case through the binary in the long run; in `npm test`, the first light refused case and the
 * first light accepted case (every class goes through the same CLI in this process below).
 */
const THROUGH_BINARY = LONG ? HOSTILE : HOSTILE.filter((c) => c === HOSTILE.find((d) => !d.heavy && d.exit === c.exit));

const OTHER_COMMANDS: string[][] = [
  ['status', '--as-of', AS_OF],
  ['status', ID, '--as-of', AS_OF, '--json'],
  ['advance', ID, '--date', '2011-04-01', '--dry-run'],
  ['advance', ID, '--date', '2011-04-01'],
  ['suspend', ID, '--date', '2011-04-01', '--reason', 'elections postponed'],
  ['session', 'add', ID, '--date', '2011-04-01', '--title', 'Review', '--type', 'workshop', '--level', 'technical', '--host', 'mentee'],
  ['session', 'list', ID],
  ['report', ID, '--stdout', '--kind', 'roadmap', '--as-of', AS_OF],
  ['report', '--portfolio', '--stdout', '--as-of', AS_OF],
];

interface ValidateJson {
  problems: { file: string; line: number; column: number; code: string; message: string }[];
}

function expectClean(run: Ran, what: string): void {
  expect(run.stderr, `${what}: a stack trace`).not.toMatch(STACK_LINE);
  expect(run.stderr, what).not.toMatch(/internal error/i);
  expect(run.stderr, `${what}: a Node warning`).not.toMatch(/\(node:\d+\)/);
}

/** Check one validate run of a case: its exit code, a located problem in the file, no crash. */
function checkValidate(c: HostileCase, run: Ran): void {
  const what = `${c.cls}: ${c.name}`;
  expectClean(run, what);
  expect(run.code, `${what}\n${run.stderr}`).toBe(c.exit);
  expect(run.ms, what).toBeLessThan(HANG_MS);
  const report = JSON.parse(run.stdout) as ValidateJson;
  const file = TARGET_FILES[c.target];
  if (c.exit === 0) {
    expect(report.problems, what).toEqual([]);
    return;
  }
  const mine = report.problems.filter((p) => p.file === file);
  expect(mine.length, `${what}: no problem reported in ${file}`).toBeGreaterThan(0);
  if (c.code) expect(mine.map((p) => p.code), what).toContain(c.code);
  for (const p of mine) {
    expect(p.line, what).toBeGreaterThanOrEqual(1);
    expect(p.column, what).toBeGreaterThanOrEqual(1);
    expect(p.message.length, what).toBeGreaterThan(5);
  }
}

function prepare(c: HostileCase): string {
  const root = repoWith(c.target, contentOf(c));
  if (c.name === 'both, in every file of the partnership') {
    for (const name of readdirSync(path.join(root, FOLDER, 'sessions'))) {
      const file = path.join(root, FOLDER, 'sessions', name);
      writeFileSync(file, `\uFEFF${readFileSync(file, 'utf8').replace(/\n/g, '\r\n')}`);
    }
  }
  return root;
}

describe('hostile files through `mentor validate`', () => {
  it(`the real binary: ${THROUGH_BINARY.length} hostile files each get their exit code and a located problem, quickly`, async () => {
    await pool(THROUGH_BINARY, 2, async (c) => {
      const root = prepare(c);
      try {
        // Killed well after its bound (four times it), so that a slow run fails on its time, not as a kill.
        const run = await binary(['validate', '--as-of', AS_OF, '--format', 'json'], root, 4 * (HANG_MS));
        const { outcome, crashed } = outcomeOf(run);
        figures.count(SECTION, 'every hostile file of the classes below, also through the real binary (validate --format json)', outcome, { crashed, ms: run.ms });
        checkValidate(c, run);
      } finally {
        done(root);
      }
    });
  }, 120_000);

  // The first of each class (a heavy one too: deep nesting, size); every case with MENTOR_LONG=1.
  const inThisProcess = HOSTILE.filter((c) => LONG || ofClass(c).indexOf(c) === 0);
  it(`in this process: ${inThisProcess.length} hostile files, in the json and text formats`, async () => {
    for (const c of inThisProcess) {
      const root = prepare(c);
      try {
        const run = await inProcess(['validate', '--as-of', AS_OF, '--format', 'json'], root);
        const { outcome, crashed } = outcomeOf(run);
        figures.count(SECTION, c.cls, outcome, { crashed, ms: run.ms, ...(c.longOnly && { note: c.longOnly.why }) });
        checkValidate(c, run);
        // The text format says the same, one located line per problem.
        const text = await inProcess(['validate', '--as-of', AS_OF], root);
        const what = `${c.cls}: ${c.name}`;
        expect(text.code, what).toBe(c.exit);
        expectClean(text, what);
        if (c.exit === 1) {
          const file = TARGET_FILES[c.target].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          expect(text.stdout, what).toMatch(new RegExp(`^${file}:\\d+:\\d+ error MTR\\d{3} `, 'm'));
        }
      } finally {
        done(root);
      }
    }
  }, 120_000);
});

describe('hostile files through every other command (in this process)', () => {
  it('never crash: exit 1 or 2 for bad data (0 where the file is accepted), and nothing is written when refused', async () => {
    // Every case through every command in the long run. In `npm test`, the first light case of each
    // class, through every third command in turn: a reading, a writing and a listing or report one,
    // so that each command meets at least two classes.
    const tried = HOSTILE.filter((h) => !h.longOnly && (LONG || (!h.heavy && ofClass(h).find((o) => !o.heavy) === h)));
    for (const [j, c] of tried.entries()) {
      let root = prepare(c);
      let before = fingerprint(root);
      try {
        for (const args of OTHER_COMMANDS.filter((_, k) => LONG || k % 3 === j % 3)) {
          const run = await inProcess(args, root);
          const { outcome, crashed } = outcomeOf(run);
          figures.count(SECTION, 'every hostile file, through the other commands', outcome, { crashed, ms: run.ms });
          const what = `${c.cls}: ${c.name}: mentor ${args.join(' ')}`;
          expectClean(run, what);
          expect([0, 1, 2], `${what}\n${run.stderr}`).toContain(run.code);
          expect(run.ms, what).toBeLessThan(HANG_MS);
          const after = fingerprint(root);
          if (run.code !== 0 || ['status', 'report'].includes(args[0]!) || args[1] === 'list') expect(after, `${what} wrote something`).toEqual(before);
          if (run.code === 0 && JSON.stringify(after) !== JSON.stringify(before)) {
            // A command that succeeded changed the repository: start the next one from the case again.
            done(root);
            root = prepare(c);
            before = fingerprint(root);
          }
        }
      } finally {
        done(root);
      }
    }
  }, 120_000);
});

describe('files that are not what they seem', () => {
  it('a 100 MB sparse file is refused by its size without being read', async () => {
    const root = copyOfExamples();
    const file = path.join(root, PARTNERSHIP);
    truncateSync(file, 100 * 1024 * 1024);
    // The size is checked before the file is opened: the same in this process (`npm test`) as in the binary (the long run).
    const run = await (LONG ? binary : inProcess)(['validate', '--as-of', AS_OF], root);
    figures.count(SECTION, 'very large files', outcomeOf(run).outcome, { crashed: outcomeOf(run).crashed, ms: run.ms });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${PARTNERSHIP}:1:1 error MTR006 the file is ${100 * 1024 * 1024} bytes; data files are limited to ${MAX_FILE_BYTES} bytes`);
    expect(run.ms).toBeLessThan(HANG_MS);
  });

  // A read of the FIFO would block its thread for good: only a process of its own can be killed
  // then. A folder fails at once, so in `npm test` it goes through this process (the binary in the long run).
  it.each([
    ['a named pipe (FIFO), which would block a read forever', (abs: string) => void spawnSync('mkfifo', [abs]), true],
    ['a folder', (abs: string) => mkdirSync(abs), LONG],
  ])('partnership.yaml that is %s: MTR006, no hang', async (_name, make, throughBinary) => {
    const root = copyOfExamples();
    const file = path.join(root, PARTNERSHIP);
    rmSync(file);
    make(file);
    for (const args of [['validate', '--as-of', AS_OF], ['advance', ID, '--date', '2011-04-01'], ['status', ID]]) {
      const run = throughBinary ? await binary(args, root, HANG_MS) : await inProcess(args, root);
      const { outcome, crashed } = outcomeOf(run);
      figures.count(SECTION, 'special files (FIFO, folder) named like data files', outcome, { crashed, ms: run.ms });
      if (throughBinary) expect(run.killed, `mentor ${args.join(' ')} hung`).toBe(false);
      expect(run.code, run.stderr).toBe(1);
      expectClean(run, args.join(' '));
      expect(`${run.stdout}${run.stderr}`).toMatch(/MTR006|not a data file/);
    }
  });
});

describe('symbolic links leading out of the repository', () => {
  /** A repository whose durban-mzuzu data is reached through a link to a folder outside it. */
  const LINKS: [string, (root: string, outside: string) => void][] = [
    ['the partnership folder', (root, outside) => {
      renameSync(path.join(root, FOLDER), path.join(outside, ID));
      symlinkSync(path.join(outside, ID), path.join(root, FOLDER));
    }],
    ['partnership.yaml', (root, outside) => {
      renameSync(path.join(root, PARTNERSHIP), path.join(outside, 'partnership.yaml'));
      symlinkSync(path.join(outside, 'partnership.yaml'), path.join(root, PARTNERSHIP));
    }],
    ['the sessions folder', (root, outside) => {
      renameSync(path.join(root, FOLDER, 'sessions'), path.join(outside, 'sessions'));
      symlinkSync(path.join(outside, 'sessions'), path.join(root, FOLDER, 'sessions'));
    }],
    ['a session file', (root, outside) => {
      renameSync(path.join(root, SESSION), path.join(outside, 'session.yaml'));
      symlinkSync(path.join(outside, 'session.yaml'), path.join(root, SESSION));
    }],
    ['the partnerships folder', (root, outside) => {
      renameSync(path.join(root, 'partnerships'), path.join(outside, 'partnerships'));
      symlinkSync(path.join(outside, 'partnerships'), path.join(root, 'partnerships'));
    }],
    ['partnership.yaml, to /dev/zero', (root) => {
      rmSync(path.join(root, PARTNERSHIP));
      symlinkSync('/dev/zero', path.join(root, PARTNERSHIP));
    }],
    ['partnership.yaml, to itself (a loop)', (root) => {
      rmSync(path.join(root, PARTNERSHIP));
      symlinkSync(path.join(root, PARTNERSHIP), path.join(root, PARTNERSHIP));
    }],
  ];
  const WRITES: string[][] = [
    ['advance', ID, '--date', '2011-04-01'],
    ['suspend', ID, '--date', '2011-04-01', '--reason', 'elections postponed'],
    ['session', 'add', ID, '--date', '2011-04-01', '--title', 'Review', '--type', 'workshop', '--level', 'technical', '--host', 'mentee'],
    ['report', ID, '--kind', 'tor'],
  ];

  // validate through the binary for every link in the long run, for the first in `npm test` (through this process for the others).
  it.each(LINKS.map(([name, link], i) => [name, link, LONG || i === 0] as const))('a link in place of %s: validate reports MTR006; no command reads or writes through it', async (_name, link, throughBinary) => {
    const root = copyOfExamples();
    const outside = tempDir('mentor-outside-');
    link(root, outside);
    const outsideBefore = fingerprint(outside);
    const validate = await (throughBinary ? binary : inProcess)(['validate', '--as-of', AS_OF, '--format', 'json'], root);
    const { outcome, crashed } = outcomeOf(validate);
    figures.count(SECTION, 'symbolic links leading out of the repository', outcome, { crashed, ms: validate.ms });
    expect(validate.code, validate.stderr).toBe(1);
    expect((JSON.parse(validate.stdout) as ValidateJson).problems.filter((p) => p.code === 'MTR006').length).toBeGreaterThan(0);
    for (const args of [...WRITES, ['status', ID], ['session', 'list', ID]]) {
      const run = await inProcess(args, root);
      const result = outcomeOf(run);
      figures.count(SECTION, 'symbolic links: writing and reading commands', result.outcome, { crashed: result.crashed, ms: run.ms, note: 'exit 0 only where the link is a session file and the command does not read sessions' });
      expectClean(run, args.join(' '));
      // Refused, except a command that does not touch what the link replaces (a session file link and advance).
      expect([0, 1], `${args.join(' ')}\n${run.stderr}`).toContain(run.code);
      expect(fingerprint(outside), `mentor ${args.join(' ')} changed a file outside the repository`).toEqual(outsideBefore);
    }
  });

  it('writes nothing through a linked partnership folder: advance, suspend, session add and report all exit 1', async () => {
    const root = copyOfExamples();
    const outside = tempDir('mentor-outside-');
    LINKS[0]![1](root, outside);
    for (const args of WRITES) {
      const run = await inProcess(args, root);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(1);
      expect(run.stderr).toMatch(/symbolic link|validation error/);
    }
  });
});

describe('file and folder names that are not <date>-<slug>.yaml or a partnership id', () => {
  // The file of a session dated 2010-08-09, renamed: [name, the problem codes expected (none: accepted)].
  const SESSION_NAMES: [string, string[]][] = [
    ['2010-8-9-first.yaml', ['MTR022']],
    ['notes.yaml', ['MTR022']],
    ['2010-08-09-First.yaml', ['MTR022']],
    ['2010-08-09-first.yml', ['MTR022']],
    ['2010-08-09-first.YAML', ['MTR022']],
    ['2010-08-09-.yaml', ['MTR022']],
    ['2010-08-09-a--b.yaml', ['MTR022']],
    ['2010-08-09-réunion.yaml', ['MTR022']],
    ['2010-08-09-two words.yaml', ['MTR022']],
    ['-.yaml', ['MTR022']],
    ['2010-08-09-first.yaml.yaml', ['MTR022']],
    ['2010-02-30-first.yaml', ['MTR023']],
    ['2011-03-01-first.yaml', ['MTR023']],
    [`2010-08-09-${'a'.repeat(230)}.yaml`, []],
  ];
  const FOLDER_NAMES = ['Durban-Mzuzu', 'durban_mzuzu', 'a..b', 'ümlaut', '-x', 'x-', `${'a'.repeat(65)}`, 'two words'];

  it.each(SESSION_NAMES)('a session file named %j: %j', async (name, codes) => {
    const root = copyOfExamples();
    renameSync(path.join(root, SESSION), path.join(root, FOLDER, 'sessions', name));
    const run = await inProcess(['validate', '--as-of', AS_OF, '--format', 'json'], root);
    const { outcome, crashed } = outcomeOf(run);
    figures.count(SECTION, 'session file names not <date>-<slug>.yaml', outcome, { crashed, ms: run.ms });
    expect(run.code).toBe(codes.length > 0 ? 1 : 0);
    const found = (JSON.parse(run.stdout) as ValidateJson).problems.filter((p) => p.file === `${FOLDER}/sessions/${name}`).map((p) => p.code);
    expect(found).toEqual(codes);
  });

  it.each(FOLDER_NAMES)('a partnership folder named %j: MTR021 or MTR020, exit 1', async (name) => {
    const root = copyOfExamples();
    renameSync(path.join(root, FOLDER), path.join(root, 'partnerships', name));
    const run = await inProcess(['validate', '--as-of', AS_OF, '--format', 'json'], root);
    const { outcome, crashed } = outcomeOf(run);
    figures.count(SECTION, 'partnership folder names that are not ids', outcome, { crashed, ms: run.ms });
    expect(run.code).toBe(1);
    const codes = (JSON.parse(run.stdout) as ValidateJson).problems.filter((p) => p.file.startsWith(`partnerships/${name}`)).map((p) => p.code);
    expect(codes).toContain('MTR021');
  });
});
