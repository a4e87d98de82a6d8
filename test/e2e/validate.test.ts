import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, copyOfExamples, EXAMPLES, mentor } from '../helpers/cli.js';
import { ANSI, readJson } from '../helpers/formats.js';
import { copyForFile } from '../helpers/plant.js';
import { AS_OF, plantProblems } from '../helpers/planted-repo.js';

const json = (args: string[], options: Parameters<typeof mentor>[1] = {}) => {
  const run = mentor(['validate', '--format', 'json', ...args], options);
  return { ...run, report: run.stdout ? readJson(run.stdout) : undefined };
};

/** `validate --format json -C examples --as-of <date>`, run once per date and zone for the whole file. */
const examplesAsOf = (() => {
  const runs = new Map<string, ReturnType<typeof mentor>>();
  return (asOf: string, TZ = 'America/Los_Angeles') => {
    const key = `${asOf} ${TZ}`;
    if (!runs.has(key)) runs.set(key, mentor(['validate', '--format', 'json', '-C', 'examples', '--as-of', asOf], { env: { TZ } }));
    return runs.get(key)!;
  };
})();

describe('validate on the examples', () => {
  it('exits 0 on the examples, with no problem at all as of 2011-03-31', () => {
    const run = mentor(['validate', '-C', 'examples', '--as-of', '2011-03-31']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/no problems/);
    expect(run.stderr).toBe('');
  });

  it('exits 0 on the examples as of today too (only warnings), listing the health warnings', () => {
    const run = json(['-C', 'examples']);
    expect(run.code).toBe(0);
    expect(run.report).toMatchObject({ ok: true, errors: 0 });
    expect(run.report!.warnings).toBeGreaterThan(0);
    expect(run.report!.problems.every((p) => p.severity === 'warning' && /^MTR0[67]\d$/.test(p.code))).toBe(true);
    // Years later, the partnerships of 2011 have stalled before mentoring (MTR068) or have open actions long past due (MTR067).
    expect(run.report!.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['MTR067', 'MTR068']));
  });

  it('the complete example, closed in 2013, is clean at every date after its request', () => {
    for (const asOf of ['2011-10-17', '2012-06-01', '2013-03-25', '2013-06-28', '2014-12-31']) {
      const run = mentor(['validate', 'partnerships/durban-mzuzu-phase-2', '--as-of', asOf, '--format', 'json'], { cwd: EXAMPLES });
      expect(run.code, asOf).toBe(0);
      expect(readJson(run.stdout).problems, asOf).toEqual([]);
    }
  });

  it('--as-of changes the health warnings', () => {
    const early = readJson(examplesAsOf('2011-03-31').stdout);
    const later = readJson(examplesAsOf('2011-07-01').stdout);
    expect(early).toMatchObject({ ok: true, errors: 0, warnings: 0, problems: [] });
    expect(later.warnings).toBeGreaterThan(0);
    expect(later.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['MTR064', 'MTR065', 'MTR066']));
  });

  it('--strict turns warnings into failures', () => {
    const strict = json(['-C', 'examples', '--strict', '--as-of', '2011-07-01']);
    expect(strict.code).toBe(1);
    expect(strict.report!.ok).toBe(false);
    expect(strict.report!.errors).toBeGreaterThan(0);
    expect(strict.report!.problems.every((p) => p.severity === 'error')).toBe(true);
    expect(mentor(['validate', '-C', 'examples', '--strict', '--as-of', '2011-03-31']).code).toBe(0);
  });

  it.each(['2011-02-30', '2011-3-31', 'tomorrow'])('refuses --as-of %j with exit 2 and one line', (asOf) => {
    const run = mentor(['validate', '-C', 'examples', '--as-of', asOf]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('--as-of');
  });

  it('gives the same JSON under any time zone', () => {
    // This process's zone (west of UTC), one further west and one east of UTC.
    const outputs = ['America/Los_Angeles', 'Pacific/Honolulu', 'Asia/Tokyo'].map((TZ) => examplesAsOf('2011-07-01', TZ).stdout);
    expect(readJson(outputs[0]!).warnings).toBeGreaterThan(0);
    for (const output of outputs.slice(1)) expect(output).toBe(outputs[0]);
  });

  it('finds the repository from a folder inside it, like git', () => {
    const run = json(['--as-of', '2011-03-31'], { cwd: path.join(EXAMPLES, 'partnerships/durban-alan/sessions') });
    expect(run.code).toBe(0);
    expect(run.report).toMatchObject({ ok: true, problems: [] });
  });
});

describe('validate <path>', () => {
  const root = copyForFile(EXAMPLES);
  plantProblems(root);
  const inScope = (file: string, scope: string) => file === scope || file.startsWith(`${scope}/`);
  let everything: ReturnType<typeof readJson>['problems'] = [];
  beforeAll(() => {
    everything = json(['--as-of', AS_OF], { cwd: root }).report!.problems;
  });

  it.each([
    ['a partnership folder', 'partnerships/durban-alan'],
    ['a partnership file', 'partnerships/bergen-mombasa/partnership.yaml'],
    ['a session file', 'partnerships/bergen-mombasa/sessions/2010-10-18-study-visit-to-bergen.yaml'],
    ['a sessions folder', 'partnerships/johannesburg-lilongwe/sessions'],
    ['mentor.yaml', 'mentor.yaml'],
  ])('reports only the problems of %s', (_what, scope) => {
    const all = everything.filter((p) => inScope(p.file, scope));
    const run = json(['--as-of', AS_OF, scope], { cwd: root });
    expect(run.code).toBe(1);
    expect(all.length).toBeGreaterThan(0);
    expect(run.report!.problems).toEqual(all);
  });

  it('takes paths relative to the current folder', () => {
    const run = json(['--as-of', AS_OF, 'partnership.yaml'], { cwd: path.join(root, 'partnerships/durban-alan') });
    expect(run.report!.problems.map((p) => [p.file, p.code])).toEqual([['partnerships/durban-alan/partnership.yaml', 'MTR050']]);
  });

  it('checks a session file against its partnership even when only the session is named', () => {
    const session = 'partnerships/durban-mzuzu/sessions/2010-08-09-first-contact-session-in-mzuzu.yaml';
    expect(json(['--as-of', AS_OF, session], { cwd: root }).report!.problems.map((p) => p.code)).toEqual(['MTR041']);
  });

  it('is clean for a partnership without planted problems', () => {
    const clean = copyOfExamples();
    const run = mentor(['validate', '--as-of', AS_OF, 'partnerships/durban-alan'], { cwd: clean });
    expect(run.code).toBe(0);
  });

  it.each([
    ['a folder outside the repository', () => path.dirname(root)],
    ['a relative path out of the repository', () => '../..'],
    ['a file that does not exist', () => 'partnerships/durban-alan/nothing.yaml'],
  ])('exits 2 with one line for %s', (_what, target) => {
    const run = mentor(['validate', target()], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toContain('    at ');
  });
});

describe('colour', () => {
  it.each([
    ['NO_COLOR unset, not a terminal', { NO_COLOR: undefined }],
    ['NO_COLOR=1', { NO_COLOR: '1' }],
  ])('prints no ANSI escapes with %s', (_what, env) => {
    const run = mentor(['validate', '-C', 'examples', '--as-of', '2011-07-01'], { env });
    expect(run.stdout).toMatch(/warning MTR06/);
    expect(run.stdout + run.stderr).not.toMatch(ANSI);
  });

  // `script` gives the binary a terminal, so the test can tell colour on from colour off.
  const script = spawnSync('script', ['--version'], { encoding: 'utf8' });
  const onTerminal = (env: string, flags = '') =>
    spawnSync('script', ['-qec', `${env} ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} validate -C examples --as-of 2011-07-01 ${flags}`, '/dev/null'], {
      cwd: path.dirname(EXAMPLES),
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: undefined, CI: 'true', TERM: 'xterm-256color' },
    }).stdout;

  it.skipIf(script.status !== 0)('colours a terminal, but not with NO_COLOR or --no-color', () => {
    expect(onTerminal('env -u NO_COLOR')).toMatch(ANSI);
    const noColor = onTerminal('NO_COLOR=1');
    expect(noColor).toMatch(/warning MTR06/);
    expect(noColor).not.toMatch(ANSI);
    expect(onTerminal('env -u NO_COLOR', '--no-color')).not.toMatch(ANSI);
  });
});
