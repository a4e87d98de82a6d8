// What mentor ships: few production dependencies, each with a reason, at versions past their
// known advisories. `npm audit --omit=dev` is asked in the long run (it needs the registry); its
// answer, whatever it is, goes into docs/robustness.md.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { Figures, LONG } from './figures.js';

const figures = new Figures('6-dependencies');

/** Why each production dependency is there, and what was checked of its version. */
export const JUSTIFIED: Record<string, string> = {
  yaml: 'reads data files with positions for every message, and edits them keeping comments (CVE-2023-2251 was fixed in 2.2.2)',
  'js-yaml': 'the fast path: parses a clean file ten times faster than yaml; anchors, tags and merge keys never reach it (GHSA-mh29-5h37-fv8m, prototype pollution through <<, was fixed in 4.1.1)',
  zod: 'the schema of partnership and session files, and the JSON Schema for editors derived from it',
  commander: 'the command line: commands, flags, help',
  chalk: 'colour on a terminal, off for NO_COLOR and pipes (5.6.1 was the compromised release of September 2025; 5.6.2 is clean)',
  '@inquirer/input': 'asks for a missing value on a terminal (the one prompt of @inquirer/prompts mentor uses for text; the whole set also loads an editor prompt and 700 KB of character-set converters)',
  '@inquirer/select': 'asks to choose a missing value on a terminal (from the same project as @inquirer/input)',
  handlebars: 'the document templates, overridable per repository (4.7.7 fixed the prototype-access code execution; prototype access stays denied)',
  'date-fns': 'calendar-date arithmetic (days in stage, health warnings)',
  '@date-fns/utc': 'date-fns in UTC, so no date shifts with the machine’s time zone',
  'i18n-iso-countries': 'the ISO 3166-1 country codes and names the files are checked against',
  'puppeteer-core': 'prints PDF with the Chromium of the machine (never downloads one) with JavaScript off and every request but the document refused, so a template cannot pull local files into a PDF (24.x: 25 needs Node 22)',
};

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

describe('production dependencies', () => {
  it('are few, pinned, and each is justified', () => {
    const deps = Object.entries(pkg.dependencies);
    expect(deps.length).toBeLessThanOrEqual(12);
    expect(Object.keys(JUSTIFIED).sort()).toEqual(Object.keys(pkg.dependencies).sort());
    for (const [, version] of deps) expect(version, 'exact versions only').toMatch(/^\d+\.\d+\.\d+$/);
    const listed = spawnSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: ROOT, encoding: 'utf8' });
    const installed = listed.stdout.trim().split('\n').filter((line) => line.includes('node_modules')).length;
    figures.attach('dependencies', {
      direct: deps.map(([name, version]) => ({ name, version, why: JUSTIFIED[name] })),
      installedWithThem: installed,
    });
  });

  it.runIf(LONG)('npm audit --omit=dev: its answer is recorded', () => {
    const audit = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    let answer: unknown;
    try {
      const report = JSON.parse(audit.stdout) as { metadata?: { vulnerabilities?: Record<string, number> }; error?: { summary?: string }; message?: string };
      answer = report.metadata?.vulnerabilities ? { vulnerabilities: report.metadata.vulnerabilities } : { unreachable: report.message ?? report.error?.summary ?? 'no answer' };
    } catch {
      answer = { unreachable: (audit.stderr || audit.stdout || String(audit.error)).trim().split('\n').find((line) => /error|warn/i.test(line)) ?? 'no answer' };
    }
    figures.attach('audit', { command: 'npm audit --omit=dev --json', exit: audit.status, answer, date: new Date().toISOString().slice(0, 10) });
    expect(answer).toBeDefined();
  }, 150_000);
});
