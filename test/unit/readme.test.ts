import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES } from '../../src/model/problem.js';

const README = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');

describe('the README', () => {
  it.each(Object.entries(PROBLEM_CODES))('lists %s with its severity and meaning', (code, info) => {
    expect(README).toContain(`| ${code} | ${info.severity} | ${info.summary} |`);
  });

  it('shows the two set-up commands and the test command', () => {
    expect(README).toContain('npm ci && node bin/mentor.js validate -C examples');
    expect(README).toContain('npm ci && npm test');
  });
});
