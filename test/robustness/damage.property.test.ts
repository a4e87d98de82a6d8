// Property: random damage to valid files (deleted, duplicated, swapped and re-indented lines,
// inserted YAML punctuation, truncation, odd Unicode) never makes `validate` crash, hang, print a
// stack trace or exit with anything but 0 or 1; nor any other command exit with anything but 0, 1
// or 2. Hundreds of files in this process, and whole damaged repositories through the real binary.

import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { copyTree, EXAMPLES } from '../helpers/cli.js';
import { applyDamage, damageOp } from './arbitraries.js';
import { cases, Figures, HANG_MS, outcomeOf, SEED } from './figures.js';
import { binary, inProcess, pool } from './support.js';

const figures = new Figures('2-damage');
const SECTION = '2. Property: random damage to valid files';
const AS_OF = '2011-03-31';

/** Every data file of the examples, by its path in the repository. */
const FILES: string[] = ['mentor.yaml'];
for (const id of readdirSync(path.join(EXAMPLES, 'partnerships'))) {
  FILES.push(`partnerships/${id}/partnership.yaml`);
  for (const name of readdirSync(path.join(EXAMPLES, 'partnerships', id, 'sessions'))) FILES.push(`partnerships/${id}/sessions/${name}`);
}
const ORIGINAL = new Map(FILES.map((f) => [f, readFileSync(path.join(EXAMPLES, f), 'utf8')]));

/** One copy of the examples for the in-process properties; each case damages one file and restores it. */
const repo = mkdtempSync(path.join(os.tmpdir(), 'mentor-damage-'));
copyTree(EXAMPLES, repo);
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const damagedFile = fc.record({ file: fc.constantFrom(...FILES), ops: fc.array(damageOp, { minLength: 1, maxLength: 6 }) });

const COMMANDS = (id: string): string[][] => [
  ['status', '--as-of', AS_OF],
  ['status', id, '--as-of', AS_OF, '--json'],
  ['advance', id, '--date', '2011-04-01', '--dry-run'],
  ['advance', id, '--date', '2011-04-01'],
  ['suspend', id, '--date', '2011-04-01', '--reason', 'elections postponed'],
  ['resume', id, '--date', '2011-04-01'],
  ['session', 'add', id, '--date', '2011-04-01', '--title', 'Review', '--type', 'workshop', '--level', 'technical', '--host', 'mentee'],
  ['session', 'list', id],
  ['report', id, '--stdout', '--kind', 'tor', '--as-of', AS_OF],
  ['report', id, '--stdout', '--kind', 'evaluation', '--format', 'html', '--as-of', AS_OF],
  ['report', '--portfolio', '--stdout', '--as-of', AS_OF],
];

/**
 * Put the examples back as they were: a command that succeeded may have written in the folder of
 * the partnership it was given (the commands below write nowhere else), and the damaged file is in it.
 */
function restore(id: string): void {
  const folder = path.join(repo, 'partnerships', id);
  rmSync(folder, { recursive: true, force: true });
  rmSync(path.join(repo, 'reports'), { recursive: true, force: true });
  cpSync(path.join(EXAMPLES, 'partnerships', id), folder, { recursive: true });
  writeFileSync(path.join(repo, 'mentor.yaml'), ORIGINAL.get('mentor.yaml')!);
}

describe('random damage to one file', () => {
  it('validate exits 0 or 1, with no crash, stack trace or Node warning, without hanging', async () => {
    await fc.assert(
      fc.asyncProperty(damagedFile, async ({ file, ops }) => {
        const text = applyDamage(ORIGINAL.get(file)!, ops);
        writeFileSync(path.join(repo, file), text);
        try {
          const run = await inProcess(['validate', '--as-of', AS_OF, '--format', 'json'], repo);
          const { outcome, crashed } = outcomeOf(run);
          figures.count(SECTION, 'validate, one damaged file (in process)', text === ORIGINAL.get(file) ? `${outcome} (damage undone)` : outcome, { crashed, ms: run.ms });
          expect(crashed, run.stderr).toBe(false);
          expect([0, 1]).toContain(run.code);
          expect(run.stderr).not.toMatch(/\(node:\d+\)/);
          expect(run.ms).toBeLessThan(HANG_MS);
          JSON.parse(run.stdout);
        } finally {
          writeFileSync(path.join(repo, file), ORIGINAL.get(file)!);
        }
      }),
      { seed: SEED, numRuns: cases(30, 4000) },
    );
  }, 600_000);

  // Each command on its own, so that the few cases of `npm test` still try every one of them.
  const partnershipFiles = FILES.filter((f) => f.startsWith('partnerships/'));
  it.each(COMMANDS('<id>').map((args, index) => [args.join(' '), index] as const))('every other command exits 0, 1 or 2, with no crash: %s', async (_name, index) => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...partnershipFiles), fc.array(damageOp, { minLength: 1, maxLength: 6 }), async (file, ops) => {
        const id = file.split('/')[1]!;
        const args = COMMANDS(id)[index]!;
        writeFileSync(path.join(repo, file), applyDamage(ORIGINAL.get(file)!, ops));
        try {
          const run = await inProcess(args, repo);
          const { outcome, crashed } = outcomeOf(run);
          figures.count(SECTION, 'the other commands, one damaged file (in process)', outcome, { crashed, ms: run.ms });
          expect(crashed, `mentor ${args.join(' ')}\n${run.stderr}`).toBe(false);
          expect([0, 1, 2]).toContain(run.code);
          expect(run.ms).toBeLessThan(HANG_MS);
        } finally {
          restore(id);
        }
      }),
      // 3000 in all in the long run, as many for each command.
      { seed: SEED + index, numRuns: cases(3, Math.ceil(3000 / COMMANDS('x').length)) },
    );
  }, 600_000);
});

describe('whole damaged repositories through the real binary', () => {
  const batches = cases(2, 30);
  const FORMATS = ['json', 'text', 'github', 'sarif'];
  it(`${batches} repositories with every one of their ${FILES.length} files damaged: validate exits 1 without hanging, in every format`, async () => {
    const samples = fc.sample(fc.array(fc.array(damageOp, { minLength: 1, maxLength: 4 }), { minLength: FILES.length, maxLength: FILES.length }), { seed: SEED, numRuns: batches });
    await pool(samples, 2, async (opsPerFile, index) => {
      const root = mkdtempSync(path.join(os.tmpdir(), 'mentor-damaged-repo-'));
      try {
        copyTree(EXAMPLES, root);
        FILES.forEach((file, i) => writeFileSync(path.join(root, file), applyDamage(ORIGINAL.get(file)!, opsPerFile[i]!)));
        // The binary in one format, this process in another, each format in turn: the same verdict.
        const format = FORMATS[index % FORMATS.length]!;
        const run = await binary(['validate', '--as-of', AS_OF, '--format', format], root);
        const { outcome, crashed } = outcomeOf(run);
        for (let i = 0; i < FILES.length; i++) figures.count(SECTION, 'validate, every file of a repository damaged (binary)', outcome, { crashed, ms: run.ms });
        expect(crashed, run.stderr).toBe(false);
        expect([0, 1]).toContain(run.code);
        expect(run.ms).toBeLessThan(HANG_MS);
        expect(run.stderr).not.toMatch(/\(node:\d+\)/);
        const other = FORMATS[(index + 2) % FORMATS.length]!;
        const inside = await inProcess(['validate', '--as-of', AS_OF, '--format', other], root);
        figures.count(SECTION, 'validate, every file of a repository damaged (in process)', outcomeOf(inside).outcome, { crashed: outcomeOf(inside).crashed, ms: inside.ms });
        expect(outcomeOf(inside).crashed, inside.stderr).toBe(false);
        expect(inside.code, `--format ${other} in this process, --format ${format} in the binary`).toBe(run.code);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
  }, 600_000);
});
