// Prompts, through `run(argv, io)` with a fake terminal whose prompter answers the questions:
// missing values are asked for (with defaults and validation), and cancelling at a prompt exits
// 130 and writes nothing.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { CancelledError } from '../../src/errors.js';
import type { Prompter } from '../../src/ui/prompt.js';
import { copyOfExamples, tempDir } from '../helpers/cli.js';
import { fakeIo, scriptedPrompter, snapshot } from './support.js';

const INIT_ANSWERS: [RegExp, string][] = [
  [/^Mentor city or association/, 'Ekurhuleni Metropolitan Municipality'],
  [/^Mentee city or association/, 'Mzuzu City Council'],
  [/^Mentee country/, 'Narnia'], // refused by the prompt's validation...
  [/^Mentee country/, 'Malawy'], // ...a near miss is refused with the country meant...
  [/^Mentee country/, 'Malawi'], // ...then an English name is accepted
  [/^What does the mentee ask/, 'Revenue collection and a debt-recovery strategy'],
  [/^Country of Ekurhuleni Metropolitan Municipality/, 'Sudáfrica'], // a Spanish name
  [/^The mentoring programme/, 'UCLG city mentoring'],
];

describe('init asks for what is missing', () => {
  it('creates the repository and the partnership from the answers', async () => {
    const dir = tempDir();
    const prompter = scriptedPrompter(INIT_ANSWERS);
    const io = fakeIo(dir, prompter);
    const code = await run(['init', 'ekurhuleni-mzuzu', '--date', '2011-04-04'], io);
    expect(code, io.err()).toBe(0);

    expect(prompter.asked.map((a) => a.message)).toEqual([
      expect.stringMatching(/^Mentor city or association/),
      expect.stringMatching(/^Mentee city or association/),
      expect.stringMatching(/^Mentee country/),
      expect.stringMatching(/^What does the mentee ask/),
      expect.stringMatching(/^Country of Ekurhuleni Metropolitan Municipality/),
      expect.stringMatching(/^The mentoring programme/),
    ]);
    expect(prompter.asked[0]!.default, 'the mentor defaults to "tbd"').toBe('tbd');
    expect(prompter.asked[5]!.default, 'the programme defaults to the folder name').toBe(path.basename(dir));
    expect(prompter.rejected).toEqual([
      { message: expect.stringMatching(/^Mentee country/), answer: 'Narnia', why: expect.stringContaining('not a country') },
      { message: expect.stringMatching(/^Mentee country/), answer: 'Malawy', why: expect.stringContaining('did you mean MW (Malawi)?') },
    ]);

    expect(parse(readFileSync(path.join(dir, 'mentor.yaml'), 'utf8'))).toEqual({ name: path.basename(dir), programme: 'UCLG city mentoring' });
    expect(io.err()).toContain('created a new mentor repository');
    expect(io.out().trim()).toBe('partnerships/ekurhuleni-mzuzu/partnership.yaml');
    const data = parse(readFileSync(path.join(dir, 'partnerships/ekurhuleni-mzuzu/partnership.yaml'), 'utf8'));
    expect(data).toMatchObject({
      id: 'ekurhuleni-mzuzu',
      mentor: { name: 'Ekurhuleni Metropolitan Municipality', kind: 'city', country: 'ZA' },
      mentee: { name: 'Mzuzu City Council', kind: 'city', country: 'MW' },
      stage: 'request',
      status: 'active',
      history: [{ stage: 'request', date: '2011-04-04' }],
      request: { date: '2011-04-04', from: 'Mzuzu City Council', topic: 'Revenue collection and a debt-recovery strategy' },
    });
  });

  it('asks only for what the flags leave out, and no country for a mentor still "tbd"', async () => {
    const root = copyOfExamples();
    const prompter = scriptedPrompter([
      [/^Mentor city or association/, 'tbd'],
      [/^What does the mentee ask/, 'Revenue collection'],
    ]);
    const io = fakeIo(root, prompter);
    const code = await run(['init', 'mzuzu-revenue', '--mentee', 'Mzuzu City Council', '--mentee-country', 'MW', '--date', '2011-04-04'], io);
    expect(code, io.err()).toBe(0);
    expect(prompter.asked.map((a) => a.answer)).toEqual(['tbd', 'Revenue collection']);
    const data = parse(readFileSync(path.join(root, 'partnerships/mzuzu-revenue/partnership.yaml'), 'utf8')) as { mentor: Record<string, unknown> };
    expect(data.mentor).toEqual({ name: 'tbd' });
  });

  it('asks no programme of an existing repository, nor when --programme gives it', async () => {
    const dir = tempDir();
    const prompter = scriptedPrompter([
      [/^Mentor city or association/, 'tbd'],
      [/^Mentor city or association/, 'tbd'],
    ]);
    const io = fakeIo(dir, prompter);
    const args = ['--mentee', 'Municipal Council of Mombasa', '--mentee-country', 'Kenia', '--topic', 'Land use', '--date', '2011-04-04'];
    expect(await run(['init', 'mombasa-land-use', ...args, '--programme', 'UCLG city mentoring'], io), io.err()).toBe(0);
    expect(await run(['init', 'mombasa-waste', ...args], io), io.err()).toBe(0);
    expect(prompter.asked.map((a) => a.message)).toEqual([expect.stringMatching(/^Mentor city/), expect.stringMatching(/^Mentor city/)]);
    expect(parse(readFileSync(path.join(dir, 'mentor.yaml'), 'utf8'))).toMatchObject({ programme: 'UCLG city mentoring' });
    expect(parse(readFileSync(path.join(dir, 'partnerships/mombasa-waste/partnership.yaml'), 'utf8'))).toMatchObject({ mentee: { country: 'KE' } });
  });

  it('asks nothing with --yes: it names the missing flags and exits 2', async () => {
    const dir = tempDir();
    const prompter = scriptedPrompter([]);
    const io = fakeIo(dir, prompter);
    expect(await run(['init', 'ekurhuleni-mzuzu', '--yes'], io)).toBe(2);
    expect(prompter.asked).toEqual([]);
    expect(io.err()).toMatch(/--mentor\b.*--mentee\b.*--topic/);
    expect(snapshot(dir)).toEqual({});
  });

  it('asks nothing without a terminal (and without a test prompter): exit 2 naming the flags', async () => {
    const dir = tempDir();
    const io = fakeIo(dir, undefined, { terminal: false });
    expect(await run(['init', 'ekurhuleni-mzuzu'], io)).toBe(2);
    expect(io.err()).toContain('missing --mentor, --mentor-country, --mentee, --mentee-country, --topic');
    expect(snapshot(dir)).toEqual({});
  });
});

describe('session add asks for what is missing', () => {
  it('offers the choices of type, level and host, with defaults, and writes the answers', async () => {
    const root = copyOfExamples();
    const prompter = scriptedPrompter([
      [/^Last day/, '2011-03-28'], // the default: a one-day session
      [/^Title/, 'Planning approvals clinic'],
      [/^Type/, 'workshop'],
      [/^Level/, 'political'],
      [/^Who hosted/, 'mentor'],
      [/^A participant/, ''],
      [/^An outcome/, ''],
      [/^An action/, ''],
    ]);
    const io = fakeIo(root, prompter);
    const code = await run(['session', 'add', 'durban-mzuzu', '--date', '2011-03-28', '--location', 'Durban'], io);
    expect(code, io.err()).toBe(0);
    const selects = prompter.asked.filter((a) => a.kind === 'select');
    expect(selects.map((a) => a.choices)).toEqual([
      ['contact', 'technical-visit', 'study-visit', 'workshop', 'political-visit', 'remote'],
      ['technical', 'political'],
      expect.arrayContaining(['mentor', 'mentee', 'other', 'remote']),
    ]);
    expect(selects.map((a) => a.default)).toEqual(['contact', 'technical', 'mentee']);
    const file = io.out().trim();
    expect(file).toBe('partnerships/durban-mzuzu/sessions/2011-03-28-planning-approvals-clinic.yaml');
    expect(parse(readFileSync(path.join(root, file), 'utf8'))).toEqual({
      date: '2011-03-28',
      title: 'Planning approvals clinic',
      type: 'workshop',
      level: 'political',
      host: 'mentor',
      location: 'Durban',
    });
  });
});

describe('session add on a terminal asks the whole session, each answer also a flag', () => {
  it('asks the date (today by default), the last day, the place, participants, outcomes and actions; a study visit is hosted by the mentor', async () => {
    const root = copyOfExamples();
    const prompter = scriptedPrompter([
      [/^Date of the session/, '2011-03-28'],
      [/^Last day/, '2011-02-30'], // refused: not a real date
      [/^Last day/, '2011-03-27'], // refused: before the first day
      [/^Last day/, '2011-03-30'],
      [/^Title/, 'Study visit to Durban'],
      [/^Type/, 'study-visit'],
      [/^Level/, 'technical'],
      [/^Who hosted/, 'mentor'],
      [/^Where/, 'Durban'],
      [/^A participant/, 'Chief Executive; Mzuzu City Council; Task force lead; mentee'],
      [/^A participant/, 'Chief Executive, Mzuzu'], // refused: not "Name; Organisation; Role; side"
      [/^A participant/, 'Planning team; eThekwini Municipality; Hosts; mentor'],
      [/^A participant/, ''],
      [/^An outcome/, 'Draft by-law on building approvals'],
      [/^An outcome/, ''],
      [/^An action/, 'Table the draft by-law; Chief Executive, Mzuzu City Council; 2011-05-31'],
      [/^An action/, ''],
    ]);
    const io = fakeIo(root, prompter);
    expect(await run(['session', 'add', 'durban-mzuzu'], io), io.err()).toBe(0);

    const date = prompter.asked.find((a) => /^Date of the session/.test(a.message))!;
    expect(date.default, 'today by default').toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(prompter.asked.find((a) => /^Last day/.test(a.message))!.default, 'the first day by default').toBe('2011-03-28');
    expect(prompter.rejected.map((r) => r.answer)).toEqual(['2011-02-30', '2011-03-27', 'Chief Executive, Mzuzu']);
    const selects = prompter.asked.filter((a) => a.kind === 'select');
    expect(selects.map((a) => a.default), 'a study visit: technical, hosted by the mentor').toEqual(['contact', 'technical', 'mentor']);

    const file = io.out().trim();
    expect(file).toBe('partnerships/durban-mzuzu/sessions/2011-03-28-study-visit-to-durban.yaml');
    expect(parse(readFileSync(path.join(root, file), 'utf8'))).toEqual({
      date: '2011-03-28',
      end: '2011-03-30',
      title: 'Study visit to Durban',
      type: 'study-visit',
      level: 'technical',
      host: 'mentor',
      location: 'Durban',
      participants: [
        { name: 'Chief Executive', organisation: 'Mzuzu City Council', role: 'Task force lead', side: 'mentee' },
        { name: 'Planning team', organisation: 'eThekwini Municipality', role: 'Hosts', side: 'mentor' },
      ],
      outcomes: ['Draft by-law on building approvals'],
      actions: [{ what: 'Table the draft by-law', owner: 'Chief Executive, Mzuzu City Council', due: '2011-05-31', status: 'open' }],
    });
  });

  it.each([
    ['technical-visit', 'technical', 'mentee'],
    ['political-visit', 'political', 'mentee'],
    ['remote', 'technical', 'remote'],
  ])('a %s: level %s and host %s offered first', async (type, level, host) => {
    const root = copyOfExamples();
    const prompter = scriptedPrompter([
      [/^Level/, level],
      [/^Who hosted/, host],
    ]);
    const io = fakeIo(root, prompter);
    const args = ['--date', '2011-03-28', '--end', '2011-03-28', '--title', 'Exchange', '--type', type, '--location', 'Mzuzu', '--participant', 'Chief Executive; Mzuzu City Council; Task force lead; mentee', '--outcome', 'Agreed', '--action', 'Report; Chief Executive; 2011-04-30'];
    expect(await run(['session', 'add', 'durban-mzuzu', ...args], io), io.err()).toBe(0);
    expect(prompter.asked.map((a) => [a.message, a.default])).toEqual([
      ['Level:', level],
      ['Who hosted it?', host],
    ]);
  });

  it('asks nothing when every answer is given as a flag', async () => {
    const root = copyOfExamples();
    const prompter = scriptedPrompter([]);
    const io = fakeIo(root, prompter);
    const args = ['--date', '2011-03-28', '--end', '2011-03-29', '--title', 'Exchange', '--type', 'workshop', '--level', 'technical', '--host', 'mentee', '--location', 'Mzuzu', '--participant', 'Chief Executive; Mzuzu City Council; Task force lead; mentee', '--outcome', 'Agreed', '--action', 'Report; Chief Executive; 2011-04-30'];
    expect(await run(['session', 'add', 'durban-mzuzu', ...args], io), io.err()).toBe(0);
    expect(prompter.asked).toEqual([]);
  });

  it('refuses a malformed --participant before asking anything', async () => {
    const root = copyOfExamples();
    const before = snapshot(root);
    const prompter = scriptedPrompter([]);
    const io = fakeIo(root, prompter);
    expect(await run(['session', 'add', 'durban-mzuzu', '--participant', 'Chief Executive, Mzuzu'], io)).toBe(2);
    expect(io.err()).toContain('is not of the form "Name; Organisation; Role; side"');
    expect(prompter.asked).toEqual([]);
    expect(snapshot(root)).toEqual(before);
  });

  it('without a terminal asks nothing: the date is today, the rest is left out', async () => {
    const root = copyOfExamples();
    const io = fakeIo(root, undefined, { terminal: false });
    expect(await run(['session', 'add', 'durban-mzuzu', '--title', 'Exchange', '--type', 'workshop', '--level', 'technical', '--host', 'mentee'], io), io.err()).toBe(0);
    const data = parse(readFileSync(path.join(root, io.out().trim()), 'utf8'));
    expect(Object.keys(data)).toEqual(['date', 'title', 'type', 'level', 'host']);
  });
});

describe('cancelling at a prompt (Ctrl-C) exits 130 and writes nothing', () => {
  const cancelling = (after: number): Prompter => {
    let asked = 0;
    const next = async (answer: string) => {
      if (++asked > after) throw new CancelledError();
      return answer;
    };
    return {
      text: () => next('Mzuzu City Council'),
      select: <T extends string>(_message: string, choices: readonly T[]) => next(choices[0]!) as Promise<T>,
    };
  };

  it.each([0, 1, 3])('init, cancelled after %i answers, in a folder with no repository: not even mentor.yaml is created', async (after) => {
    const dir = tempDir();
    const io = fakeIo(dir, cancelling(after));
    expect(await run(['init', 'ekurhuleni-mzuzu', '--date', '2011-04-04'], io)).toBe(130);
    expect(io.err()).toContain('cancelled');
    expect(io.out()).toBe('');
    expect(snapshot(dir)).toEqual({});
  });

  it.each([0, 2])('session add, cancelled after %i answers: no session file', async (after) => {
    const root = copyOfExamples();
    const before = snapshot(root);
    const io = fakeIo(root, cancelling(after));
    expect(await run(['session', 'add', 'durban-mzuzu', '--date', '2011-03-28'], io)).toBe(130);
    expect(io.out()).toBe('');
    expect(snapshot(root)).toEqual(before);
  });
});
