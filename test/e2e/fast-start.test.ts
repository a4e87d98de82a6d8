// `session` and `advance` start from a CommonJS bundle compiled from V8's code cache
// (src/fast-start.ts); every other command loads the ES modules of dist/cli.js. Through the real
// binary: the fast start answers exactly as the ES modules do (exit code, both outputs, the files
// it writes), its code cache is taken, an edited bundle runs as edited (never on the cache of the
// bytes it replaced), and a build without the bundles still works.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fastBundleFor } from '../../src/fast-start.js';
import { LONG } from '../robustness/figures.js';
import { BIN, BUILD, copyOfBuild, copyOfExamples, tempDir } from '../helpers/cli.js';

const ENV = { ...process.env, NO_COLOR: '1', CI: 'true', DEBUG: '', TZ: 'America/Bogota' };

function run(script: string, args: string[], cwd: string, input = '') {
  const result = spawnSync(process.execPath, [script, ...args], { cwd, input, encoding: 'utf8', env: ENV });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A script that runs the ES-module CLI of `build` with its own arguments, as bin/mentor.js did before the fast start. */
function esModuleCli(build: string): string {
  const script = path.join(tempDir(), 'es-module-cli.mjs');
  writeFileSync(script, `const { main } = await import(${JSON.stringify(pathToFileURL(path.join(build, 'dist/cli.js')).href)});\nawait main();\n`);
  return script;
}

/** Every file of a repository with its text, to compare what two runs wrote. */
function files(root: string, dir = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(out, files(root, rel));
    else out[rel] = readFileSync(path.join(root, rel), 'utf8');
  }
  return out;
}

/** A copy of the build, to change without touching the one the other tests use. */
async function loadBundle(build: string, name: string) {
  const module = (await import(pathToFileURL(path.join(build, 'dist/fast-start.js')).href)) as typeof import('../../src/fast-start.js');
  return module.loadBundle(path.join(build, 'dist'), name);
}

describe('which commands start fast', () => {
  it('session and advance, named first; everything else loads the ES modules', () => {
    expect(fastBundleFor(['advance', 'x'])).toBe('advance');
    expect(fastBundleFor(['session', 'add', 'x'])).toBe('session');
    expect(fastBundleFor(['session'])).toBe('session');
    for (const args of [[], ['validate'], ['status', 'advance'], ['-C', 'x', 'advance'], ['--help'], ['constructor'], ['__proto__'], ['sessions']]) {
      expect(fastBundleFor(args), args.join(' ')).toBeUndefined();
    }
  });
});

describe('the fast start', () => {
  // Each case runs on its own copy of the examples, once through the binary and once through the
  // ES modules; the answers and the files left behind must be the same.
  // (`npm test` takes five: a write of each command, a refused gate, a broken partnership and a
  // session list; MENTOR_LONG=1 all of them.)
  const visit = ['--date', '2011-04-12', '--title', 'Follow-up visit to Mzuzu', '--type', 'contact', '--level', 'technical', '--host', 'mentee'];
  const brokenCountry = (root: string) => {
    const file = path.join(root, 'partnerships/bergen-mombasa/partnership.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('country: NO', 'country: XX'));
  };
  const CASES: { args: string[]; input?: string; prepare?: (root: string) => void; long?: true }[] = [
    { args: ['advance', 'johannesburg-lilongwe', '--date', '2016-06-30'] },
    { args: ['advance', 'johannesburg-lilongwe', '--dry-run', '--date', '2016-06-30'], long: true },
    { args: ['advance', 'johannesburg-lilongwe', '--date', '2016-06-30', '--json'], long: true },
    { args: ['advance', 'ekurhuleni-blantyre', '--date', '2011-03-01'] },
    { args: ['advance', 'durban-mzuzu-phase-2'], long: true },
    { args: ['advance', 'no-such-partnership'], long: true },
    { args: ['advance', 'johannesburg-lilongwe', '--to', 'nowhere'], long: true },
    { args: ['advance', 'johannesburg-lilongwe', '--date', '31/12/2016'], long: true },
    { args: ['advance', 'bergen-mombasa', '--date', '2011-06-30'], prepare: brokenCountry },
    { args: ['advance', '--help'], long: true },
    { args: ['advance'], long: true },
    { args: ['session', 'add', 'durban-mzuzu', ...visit] },
    { args: ['session', 'add', 'durban-mzuzu', ...visit, '--json'], long: true },
    { args: ['session', 'add', 'bergen-mombasa', ...visit], prepare: brokenCountry, long: true },
    { args: ['session', 'add', 'durban-mzuzu', '--date', '2011-04-12', '--type', 'contact'], long: true },
    { args: ['session', 'add', 'durban-mzuzu', '--date', '2011-02-30', '--title', 'A visit', '--type', 'contact', '--level', 'technical', '--host', 'mentee'], long: true },
    { args: ['session', 'add', 'durban-mzuzu', '--date', '2011-04-12', '--title', 'A visit', '--type', 'party', '--level', 'technical', '--host', 'mentee'], long: true },
    { args: ['session', 'add', 'durban-mzuzu', '--title', 'From standard input'], input: 'ignored\n', long: true },
    { args: ['session', 'list', 'johannesburg-lilongwe'] },
    { args: ['session', 'list', 'johannesburg-lilongwe', '--json'], long: true },
    { args: ['session', '--help'], long: true },
    { args: ['session'], long: true },
    { args: ['session', 'remove', 'x'], long: true },
  ];

  it('answers as the ES modules do, and writes the same files', () => {
    const esm = esModuleCli(BUILD);
    for (const { args, input, prepare } of CASES.filter((c) => LONG || !c.long)) {
      const [fastRoot, esmRoot] = [copyOfExamples(), copyOfExamples()];
      prepare?.(fastRoot);
      prepare?.(esmRoot);
      // Messages name the repository's folder, which differs.
      const same = (result: ReturnType<typeof run>, root: string) => ({ ...result, stdout: result.stdout.replaceAll(root, '<repo>'), stderr: result.stderr.replaceAll(root, '<repo>') });
      const fast = same(run(BIN, args, fastRoot, input), fastRoot);
      const slow = same(run(esm, args, esmRoot, input), esmRoot);
      expect(fast, args.join(' ')).toStrictEqual(slow);
      expect(files(fastRoot), args.join(' ')).toStrictEqual(files(esmRoot));
    }
  }, 60_000);

  it('is compiled from the code cache the build made, for both bundles', async () => {
    for (const name of ['advance', 'session']) {
      const bundle = await loadBundle(BUILD, name);
      expect(bundle, name).toBeDefined();
      expect(bundle!.cached, `${name}: the code cache was missing or refused`).toBe(true);
    }
  });

  it('runs an edited bundle as edited, never on the cache of the bytes it replaced', async () => {
    const build = copyOfBuild();
    const file = path.join(build, 'dist/fast/advance.cjs');
    const text = readFileSync(file, 'latin1');
    const said = 'when the gates are met';
    expect(text).toContain(said);
    // The same length: V8's own check of a cache would not see the change.
    writeFileSync(file, text.replace(said, said.toUpperCase()), 'latin1');
    expect((await loadBundle(build, 'advance'))!.cached).toBe(false);
    const help = run(path.join(build, 'bin/mentor.js'), ['advance', '--help'], build);
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain(said.toUpperCase());
  });

  it('falls back to the ES modules when the build has no fast bundles, or no code cache', () => {
    const build = copyOfBuild();
    for (const cache of readdirSync(path.join(build, 'dist/fast')).filter((name) => name.endsWith('.cache'))) rmSync(path.join(build, 'dist/fast', cache));
    const root = copyOfExamples();
    const args = ['advance', 'johannesburg-lilongwe', '--dry-run', '--date', '2016-06-30'];
    const uncached = run(path.join(build, 'bin/mentor.js'), args, root);
    rmSync(path.join(build, 'dist/fast'), { recursive: true });
    expect(existsSync(path.join(build, 'dist/fast'))).toBe(false);
    const without = run(path.join(build, 'bin/mentor.js'), args, root);
    expect(uncached.code, uncached.stderr).toBe(0);
    expect(without).toStrictEqual(uncached);
    expect(without).toStrictEqual(run(BIN, args, root));
  });
});
