// `init` through `run(argv, io)` without a terminal: what each flag writes, and where the
// repository is found (like git: the nearest folder above holding mentor.yaml, or -C).

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { validateRepository } from '../../src/ops/validate.js';
import { openRepository } from '../../src/store/repository.js';
import { copyOfExamples, tempDir } from '../helpers/cli.js';
import { fakeIo, NEW_ID, readPartnershipText, snapshot } from './support.js';

const REQUIRED = ['--mentor', 'Ekurhuleni Metropolitan Municipality', '--mentor-country', 'ZA', '--mentee', 'Mzuzu City Council', '--mentee-country', 'MW', '--topic', 'Revenue collection', '--date', '2011-04-04'];

async function init(cwd: string, ...args: string[]) {
  const io = fakeIo(cwd, undefined, { terminal: false });
  const code = await run(['init', NEW_ID, ...args], io);
  return { code, stdout: io.out(), stderr: io.err() };
}

describe('init', () => {
  it('writes every flag where SPEC puts it, and a file that validates', async () => {
    const root = copyOfExamples();
    const result = await init(
      root,
      ...REQUIRED,
      '--mentor-kind', 'city',
      '--mentee-kind', 'city',
      '--title', 'Ekurhuleni – Mzuzu revenue collection',
      '--requested-by', 'Mzuzu City Council, through MALGA',
      '--focus', 'municipal finance',
      '--focus', 'revenue collection',
      '--locale', 'fr',
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(`partnerships/${NEW_ID}/partnership.yaml\n`);
    const text = readPartnershipText(root, NEW_ID);
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schema/partnership.schema.json');
    expect(parse(text)).toEqual({
      id: NEW_ID,
      title: 'Ekurhuleni – Mzuzu revenue collection',
      mentor: { name: 'Ekurhuleni Metropolitan Municipality', kind: 'city', country: 'ZA' },
      mentee: { name: 'Mzuzu City Council', kind: 'city', country: 'MW' },
      stage: 'request',
      status: 'active',
      history: [{ stage: 'request', date: '2011-04-04' }],
      request: { date: '2011-04-04', from: 'Mzuzu City Council, through MALGA', topic: 'Revenue collection' },
      focus: ['municipal finance', 'revenue collection'],
      locale: 'fr',
    });
    const problems = (await validateRepository(openRepository(root), { cwd: root, paths: [`partnerships/${NEW_ID}`], today: '2011-04-04' })).problems;
    expect(problems).toEqual([]);
  });

  it('accepts a country by its English name and a lowercase code', async () => {
    const root = copyOfExamples();
    const args = [...REQUIRED];
    args[args.indexOf('ZA')] = 'South Africa';
    args[args.indexOf('MW')] = 'mw';
    expect((await init(root, ...args)).code).toBe(0);
    expect(parse(readPartnershipText(root, NEW_ID))).toMatchObject({ mentor: { country: 'ZA' }, mentee: { country: 'MW' } });
  });

  it.each([
    ['Kenia', 'KE'], // Spanish
    ['Afrique du Sud', 'ZA'], // French
    ['Côte d’Ivoire', 'CI'],
    ['cote d\'ivoire', 'CI'],
  ])('accepts --mentee-country %s, a name in one of the working languages, as %s', async (name, code) => {
    const root = copyOfExamples();
    const args = [...REQUIRED];
    args[args.indexOf('MW')] = name;
    const result = await init(root, ...args);
    expect(result.code, result.stderr).toBe(0);
    expect(parse(readPartnershipText(root, NEW_ID))).toMatchObject({ mentee: { country: code } });
  });

  it.each([
    ['Kenja', 'did you mean KE (Kenya)?'],
    ['Malawy', 'did you mean MW (Malawi)?'],
    ['Narnia', 'use the ISO 3166-1 code'],
  ])('refuses --mentee-country %s with exit 2, saying %s, and writes nothing', async (name, says) => {
    const root = copyOfExamples();
    const before = snapshot(root);
    const args = [...REQUIRED];
    args[args.indexOf('MW')] = name;
    const result = await init(root, ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--mentee-country ${name} is not a country`);
    expect(result.stderr).toContain(says);
    expect(snapshot(root)).toEqual(before);
  });

  it('--programme names the programme of a new repository; without it, a hint says how to add one', async () => {
    const withIt = tempDir();
    expect((await init(withIt, ...REQUIRED, '--programme', 'UCLG city mentoring')).code).toBe(0);
    expect(parse(readFileSync(path.join(withIt, 'mentor.yaml'), 'utf8'))).toEqual({ name: path.basename(withIt), programme: 'UCLG city mentoring' });
    const without = await init(tempDir(), ...REQUIRED);
    expect(without.stderr).toContain('hint: mentor.yaml names no programme');
    const existing = await init(copyOfExamples(), ...REQUIRED, '--programme', 'Another');
    expect(existing.code).toBe(0);
    expect(existing.stderr).toContain('warning: --programme names the programme of a new repository');
  });

  it('from a folder inside a repository, finds the repository above, as git does', async () => {
    const root = copyOfExamples();
    const inside = path.join(root, 'partnerships/durban-mzuzu/sessions');
    const result = await init(inside, ...REQUIRED);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('created a new mentor repository');
    expect(existsSync(path.join(root, `partnerships/${NEW_ID}/partnership.yaml`))).toBe(true);
    expect(existsSync(path.join(inside, 'mentor.yaml'))).toBe(false);
    // The path printed is relative to where the command ran.
    expect(path.resolve(inside, result.stdout.trim())).toBe(path.join(root, `partnerships/${NEW_ID}/partnership.yaml`));
  });

  it('with -C, starts from that folder', async () => {
    const root = copyOfExamples();
    const elsewhere = tempDir();
    const io = fakeIo(elsewhere, undefined, { terminal: false });
    expect(await run(['-C', root, 'init', NEW_ID, ...REQUIRED], io)).toBe(0);
    expect(existsSync(path.join(root, `partnerships/${NEW_ID}/partnership.yaml`))).toBe(true);
    expect(snapshot(elsewhere)).toEqual({});
  });

  it('in a folder with no repository above, creates mentor.yaml (and the editor schemas) first, and says so', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'programme'));
    const cwd = path.join(dir, 'programme');
    const result = await init(cwd, ...REQUIRED);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('created a new mentor repository');
    expect(parse(readFileSync(path.join(cwd, 'mentor.yaml'), 'utf8'))).toMatchObject({ name: 'programme' });
    expect(existsSync(path.join(cwd, 'schema/partnership.schema.json'))).toBe(true);
    const validate = await validateRepository(openRepository(cwd), { cwd, today: '2011-04-04' });
    expect(validate.problems).toEqual([]);
  });
});
