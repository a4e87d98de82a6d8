import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { copyOfExamples, mentor, tempDir } from '../helpers/cli.js';

const TOR = ['report', 'bergen-mombasa', '--kind', 'tor', '--as-of', '2011-03-31'];

test('--out, typed by the person, is honoured anywhere, also outside the repository', () => {
  const root = copyOfExamples();
  const elsewhere = tempDir();
  const r = mentor([...TOR, '--out', path.relative(root, path.join(elsewhere, 'minutes'))], { cwd: root });
  expect(r.code).toBe(0);
  expect(readdirSync(path.join(elsewhere, 'minutes'))).toEqual(['tor.md']);
});

test.each([
  ['reports', 'reports'],
  ['reports/bergen-mombasa', 'reports/bergen-mombasa'],
])('a linked %s in the repository: exit 1 naming the link, nothing written outside', (link, named) => {
  const root = copyOfExamples();
  const outside = tempDir();
  if (link.includes('/')) mkdirSync(path.join(root, path.dirname(link)), { recursive: true });
  symlinkSync(outside, path.join(root, link));
  const r = mentor(TOR, { cwd: root });
  expect(r.stderr).toMatch(new RegExp(`^mentor: ${named} is a symbolic link; mentor does not write reports through links in a repository`));
  expect(r.code).toBe(1);
  expect(readdirSync(outside)).toEqual([]);
  const portfolio = mentor(['report', '--portfolio', '--as-of', '2011-03-31'], { cwd: root });
  expect(portfolio.code).toBe(link === 'reports' ? 1 : 0);
  expect(readdirSync(outside)).toEqual([]);
});

test.each([
  ['templates', (root: string, outside: string) => symlinkSync(outside, path.join(root, 'templates')), /^mentor: templates is a symbolic link; mentor does not read templates through links/],
  ['templates/partials', (root: string, outside: string) => {
    mkdirSync(path.join(root, 'templates'));
    symlinkSync(outside, path.join(root, 'templates/partials'));
  }, /^mentor: the repository's template failed: templates\/partials is a symbolic link/],
])('a linked %s: exit 1, the link named, nothing read from outside', (_name, plant, message) => {
  const root = copyOfExamples();
  const outside = tempDir();
  writeFileSync(path.join(outside, 'tor.md.hbs'), '# OUTSIDE\n');
  writeFileSync(path.join(outside, 'header.md.hbs'), '# OUTSIDE\n');
  plant(root, outside);
  const r = mentor([...TOR, '--stdout'], { cwd: root });
  expect(r.stderr).toMatch(message);
  expect(r.code).toBe(1);
  expect(r.stdout).not.toContain('OUTSIDE');
});

test.each([
  ['a folder', (file: string) => mkdirSync(file), /templates\/tor\.md\.hbs is a folder, not a template file/],
  ['a named pipe', (file: string) => execFileSync('mkfifo', [file]), /templates\/tor\.md\.hbs is a named pipe, not a template file/],
  ['50 MB', (file: string) => writeFileSync(file, Buffer.alloc(50 * 1024 * 1024, 'a')), /templates\/tor\.md\.hbs is 52428800 bytes; templates are limited to 1048576 bytes/],
  ['a link', (file: string) => symlinkSync('/etc/hostname', file), /templates\/tor\.md\.hbs is a symbolic link/],
])('a template that is %s: exit 1 with the file named, at once', (_name, plant, message) => {
  const root = copyOfExamples();
  mkdirSync(path.join(root, 'templates'));
  plant(path.join(root, 'templates/tor.md.hbs'));
  const started = Date.now();
  const r = mentor([...TOR, '--stdout'], { cwd: root });
  expect(r.stderr).toMatch(message);
  expect(r.code).toBe(1);
  expect(Date.now() - started).toBeLessThan(15_000);
  expect(existsSync(path.join(root, 'reports'))).toBe(false);
});
