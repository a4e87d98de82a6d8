import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES } from '../../src/model/problem.js';

const README = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');

describe('the README', () => {
  it.each(Object.entries(PROBLEM_CODES))('lists %s with its severity and meaning', (code, info) => {
    expect(README).toContain(`| ${code} | ${info.severity} | ${info.summary} |`);
  });

  it('shows how to put mentor on the PATH, and the test command', () => {
    expect(README).toContain('npm ci && npm link');
    expect(README).toContain('npm install -g .');
    expect(README).toContain('npm install -g @city-mentoring/mentor');
    expect(README).toContain('npm ci && npm test');
  });

  it('names the package the README installs: a scoped name, whose command is mentor', () => {
    const pkg = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { name: string; bin: Record<string, string> };
    expect(pkg.name).toBe('@city-mentoring/mentor');
    expect(pkg.bin).toEqual({ mentor: 'bin/mentor.js' });
  });
});
