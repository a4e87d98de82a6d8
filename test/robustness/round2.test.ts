// Hostile repositories and environments, round 2 (issue 10): what a repository from someone else's
// pull request, or the machine it runs on, can do to mentor. Every run is the real binary; a crash is
// exit 70, a stack trace, a signal or a timeout. The e2e and unit tests next to the code hold the
// exact messages and run in `npm test` (test/e2e/report.test.ts, terminal-escapes, full-device,
// report-outside, dates-before-1900, test/model/json-schema.test.ts); this file runs in
// `npm run test:long` only, with more cases, and counts the classes for docs/robustness.md.

import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/render/pdf.js';
import { BIN, copyOfExamples, mentor, tempDir } from '../helpers/cli.js';
import { cases, Figures, LONG, outcomeOf } from './figures.js';

const figures = new Figures('7-round2');
const SECTION = '7. Round 2: hostile repositories and environments';
const AS_OF = ['--as-of', '2011-03-31'];

function count(name: string, run: { code: number | null; stderr: string }, outcome?: string, ms?: number): void {
  const o = outcomeOf(run);
  figures.count(SECTION, name, o.crashed ? o.outcome : (outcome ?? o.outcome), { crashed: o.crashed, ...(ms !== undefined && { ms }) });
  expect(o.crashed, run.stderr).toBe(false);
}

const timed = <T>(fn: () => T): [T, number] => {
  const started = performance.now();
  const result = fn();
  return [result, performance.now() - started];
};

describe.runIf(LONG)('templates that reach for local files and scripts, printed to PDF', () => {
  const browser = findBrowser(process.env);
  const TRAPS = [
    (secret: string) => `<iframe src="file://${secret}"></iframe>`,
    (secret: string) => `<object data="file://${secret}"></object>`,
    (secret: string) => `<embed src="file://${secret}">`,
    (secret: string) => `<link rel="stylesheet" href="file://${secret}"><img src="file://${secret}">`,
    () => `<script>document.write('SCRIPT-RAN')</script>`,
    () => `<meta http-equiv="refresh" content="0; url=file:///etc/hostname">`,
  ];
  it.skipIf(!browser)('print inert', () => {
    const traps = LONG_TRAPS(TRAPS);
    for (const trap of traps) {
      const root = copyOfExamples();
      const secret = path.join(tempDir(), 'secret.txt');
      writeFileSync(secret, 'MOMBASA-PRIVATE-LEDGER');
      mkdirSync(path.join(root, 'templates'));
      writeFileSync(path.join(root, 'templates/tor.html.hbs'), `<!DOCTYPE html><html><head></head><body><p>terms</p>${trap(secret)}</body></html>\n`);
      const out = tempDir();
      const [r, ms] = timed(() => mentor(['report', 'bergen-mombasa', '--kind', 'tor', '--format', 'pdf', '--out', out, ...AS_OF], { cwd: root }));
      const text = r.code === 0 ? execFileSync('pdftotext', [path.join(out, 'tor.pdf'), '-'], { encoding: 'utf8' }) : '';
      const leaked = /MOMBASA-PRIVATE-LEDGER|SCRIPT-RAN/.test(text) || existsSync(path.join(out, 'hostname'));
      const refused = r.code === 1 && /tried to open .* in its place/.test(r.stderr);
      count('a repository template with a file:// frame, object, embed, stylesheet, image, a script or a refresh, printed to PDF', r, leaked ? 'LEAKED' : r.code === 0 ? 'printed inert' : refused ? 'a refresh elsewhere: refused, exit 1' : `exit ${r.code}`, ms);
      expect(r.code === 0 || refused, r.stderr).toBe(true);
      expect(leaked).toBe(false);
    }
  }, 120_000);
});

function LONG_TRAPS<T>(all: T[]): T[] {
  return all.slice(0, cases(2, all.length));
}

const CONTROLS = ['\u001b]0;PWNED\u0007', '\u001b[2J\u001b[H', '\u001b[8mhidden\u001b[0m', '\u009b31m', 'line\nforged', 'bell\u0007', 'nul-free \u0008backspace', '\u001bP+q\u001b\\'];

describe.runIf(LONG)('control characters in texts of the data', () => {
  it('never reach a terminal raw; validate warns MTR019', () => {
    for (const control of CONTROLS.slice(0, cases(3, CONTROLS.length))) {
      const root = copyOfExamples();
      const file = path.join(root, 'partnerships/bergen-mombasa/partnership.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('title: Bergen – Mombasa land use', `title: ${JSON.stringify(`Bergen ${control}`)}`));
      for (const args of [['status', ...AS_OF], ['status', 'bergen-mombasa', ...AS_OF], ['session', 'list', 'bergen-mombasa'], ['validate', ...AS_OF]]) {
        const r = mentor(args, { cwd: root });
        // eslint-disable-next-line no-control-regex -- no raw control character may reach the terminal
        const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(r.stdout + r.stderr);
        // A line break is text (multi-line fields hold them): escaped on a terminal, not warned about.
        const warned = args[0] !== 'validate' || control.includes('\n') || /MTR019/.test(r.stdout);
        count(`a title holding ${args[0] === 'validate' ? 'control characters: validate' : `control characters: ${args.slice(0, args[0] === 'session' ? 2 : args[1] === 'bergen-mombasa' ? 2 : 1).join(' ')}`}`, r, raw ? 'RAW on the terminal' : warned ? 'shown escaped' : 'NOT warned');
        expect(raw).toBe(false);
        expect(warned).toBe(true);
      }
    }
  }, 120_000);
});

describe.runIf(LONG)('standard output that cannot be written', () => {
  const full = existsSync('/dev/full') ? openSync('/dev/full', 'w') : -1;
  afterAll(() => {
    if (full !== -1) closeSync(full);
  });
  it.skipIf(full === -1)('>/dev/full: one line, exit 2; a saved change is said to be', () => {
    const root = copyOfExamples();
    for (const args of [['status', ...AS_OF], ['validate', ...AS_OF], ['schema'], ['report', 'bergen-mombasa', '--kind', 'tor', '--stdout', ...AS_OF], ['--help'], ['--version'], ['suspend', 'bergen-mombasa', '--reason', 'elections postponed', '--date', '2011-04-01']]) {
      const run = spawnSync(process.execPath, [BIN, ...args], { cwd: root, stdio: ['ignore', full, 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: 'true', DEBUG: '' }, timeout: 30_000 });
      const r = { code: run.status, stderr: run.stderr };
      const oneLine = r.stderr.split('\n').filter(Boolean).length === 1;
      count('standard output to /dev/full (status, validate, schema, report --stdout, --help, --version, suspend)', r, oneLine ? `exit ${r.code}, one line` : `exit ${r.code}, ${r.stderr.split('\n').length} lines`);
      expect(r.code).toBe(2);
    }
  }, 120_000);
});

describe.runIf(LONG)('links and special files that the repository holds', () => {
  const PLANTS: [string, (root: string, outside: string) => void][] = [
    ['reports/ a link out', (root, outside) => symlinkSync(outside, path.join(root, 'reports'))],
    ['reports/<id> a link out', (root, outside) => {
      mkdirSync(path.join(root, 'reports'));
      symlinkSync(outside, path.join(root, 'reports/bergen-mombasa'));
    }],
    ['templates/ a link out', (root, outside) => symlinkSync(outside, path.join(root, 'templates'))],
    ['templates/partials a link out', (root, outside) => {
      mkdirSync(path.join(root, 'templates'));
      symlinkSync(outside, path.join(root, 'templates/partials'));
    }],
    ['a template that is a folder', (root) => mkdirSync(path.join(root, 'templates/tor.md.hbs'), { recursive: true })],
    ['a template that is a FIFO', (root) => {
      mkdirSync(path.join(root, 'templates'));
      execFileSync('mkfifo', [path.join(root, 'templates/tor.md.hbs')]);
    }],
    ['a template of 50 MB', (root) => {
      mkdirSync(path.join(root, 'templates'));
      writeFileSync(path.join(root, 'templates/tor.md.hbs'), Buffer.alloc(50 * 1024 * 1024, 'a'));
    }],
  ];
  it('make mentor neither read nor write outside it, nor hang: exit 1', () => {
    for (const [name, plant] of PLANTS) {
      const root = copyOfExamples();
      const outside = tempDir();
      writeFileSync(path.join(outside, 'tor.md.hbs'), '# OUTSIDE\n');
      plant(root, outside);
      const [r, ms] = timed(() => mentor(['report', 'bergen-mombasa', '--kind', 'tor', ...AS_OF], { cwd: root }));
      const escaped = readdirSync(outside).length !== 1 || existsSync(path.join(root, 'reports/bergen-mombasa/tor.md')) && readFileSync(path.join(root, 'reports/bergen-mombasa/tor.md'), 'utf8').includes('OUTSIDE');
      count(`${name}, report`, r, escaped ? 'ESCAPED' : undefined, ms);
      expect(r.code).toBe(1);
      expect(escaped).toBe(false);
    }
  }, 120_000);
});

describe.runIf(LONG)('dates before 1900', () => {
  const DATES = ['0050-06-15', '0000-01-01', '1899-12-31', '0099-12-31', '0001-02-28'];
  it('are refused on the command line (exit 2) and in files (exit 1, MTR014)', () => {
    for (const date of DATES.slice(0, cases(2, DATES.length))) {
      const command = mentor(['status', '--as-of', date], { cwd: copyOfExamples() });
      count('a date before 1900 on the command line (--as-of)', command);
      expect(command.code).toBe(2);
      const root = copyOfExamples();
      const file = path.join(root, 'partnerships/bergen-mombasa/partnership.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('date: 2009-06-15', `date: ${date}`));
      const r = mentor(['validate', ...AS_OF], { cwd: root });
      count('a date before 1900 in a partnership file (validate)', r, /MTR014/.test(r.stdout) ? 'exit 1, MTR014' : `exit ${r.code}`);
      expect(r.code).toBe(1);
    }
  }, 120_000);
});
