import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { checkSchema } from '../../src/check/schema.js';
import { RepositoryConfigSchema } from '../../src/model/repository.js';
import { SessionSchema } from '../../src/model/session.js';
import { parseSource } from '../../src/store/source.js';
import { UclgPartnershipSchema as PartnershipSchema } from '../helpers/method.js';
import { positionIn } from '../helpers/plant.js';

// Schema problems of one file: code, position (computed from the text) and did-you-mean hints.

const SESSION = 'date: 2011-03-14\ntitle: Implementation review\ntype: contact\nlevel: technical\nhost: mentee\n';

function problemsOf(text: string, schema: z.ZodType = SessionSchema) {
  return checkSchema(parseSource('s.yaml', text), schema, 'a session');
}

/** [what, find, replacement, code, where, token] on the valid SESSION above. */
const CASES: [string, string, string, string, string, string?][] = [
  ['a misspelt key', 'title:', 'titel:', 'MTR012', 'titel:', 'titel'],
  ['an enum value misspelt', 'level: technical', 'level: tecnical', 'MTR013', 'tecnical'],
  ['an unknown enum value', 'host: mentee', 'host: nobody', 'MTR013', 'nobody'],
  ['30 February', 'date: 2011-03-14', 'date: 2011-02-30', 'MTR014', '2011-02-30'],
  ['29 February of a common year', 'date: 2011-03-14', 'date: 2023-02-29', 'MTR014', '2023-02-29'],
  ['a date without leading zeros', 'date: 2011-03-14', 'date: 2011-3-14', 'MTR014', '2011-3-14'],
  ['a date written the European way', 'date: 2011-03-14', 'date: 14/03/2011', 'MTR014', '14/03/2011'],
  ['a date with a time', 'date: 2011-03-14', 'date: 2011-03-14T10:00:00Z', 'MTR014', '2011-03-14T'],
  ['a number where text belongs', 'host: mentee\n', 'host: mentee\nlocation: 42\n', 'MTR011', '42'],
  ['text where a list belongs', 'host: mentee\n', 'host: mentee\ntopics: the budget\n', 'MTR011', 'the budget'],
  ['an empty title', 'title: Implementation review', 'title: "  "', 'MTR018', '"  "'],
  ['a target id that is not a slug', 'host: mentee\n', 'host: mentee\ntargets: [Debt_Recovery]\n', 'MTR017', 'Debt_Recovery'],
  ['an unknown currency', 'host: mentee\n', 'host: mentee\ncosts:\n  - item: Flights\n    amount: 10\n    currency: XQQ\n', 'MTR016', 'XQQ'],
  ['a currency in lower case', 'host: mentee\n', 'host: mentee\ncosts:\n  - item: Flights\n    amount: 10\n    currency: usd\n', 'MTR016', 'usd'],
  ['a negative amount', 'host: mentee\n', 'host: mentee\ncosts:\n  - item: Flights\n    amount: -10\n    currency: USD\n', 'MTR018', '-10'],
  ['an amount written as text', 'host: mentee\n', 'host: mentee\ncosts:\n  - item: Flights\n    amount: "10"\n    currency: USD\n', 'MTR011', '"10"'],
  ['an unknown key in a list item', 'host: mentee\n', 'host: mentee\nparticipants:\n  - name: A\n    organisation: B\n    role: C\n    side: mentor\n    phone: 123\n', 'MTR012', 'phone: 123', 'phone'],
  ['a missing key in a list item (at the item)', 'host: mentee\n', 'host: mentee\nparticipants:\n  - name: A\n    organisation: B\n    side: mentor\n', 'MTR010', '- name: A', 'name'],
  ['a missing enum key (at the document)', 'host: mentee\n', '', 'MTR010', 'date: 2011', 'date'],
  ['a missing text key (at the document)', 'title: Implementation review\n', '', 'MTR010', 'date: 2011', 'date'],
];

describe('checkSchema on a session', () => {
  it('finds nothing wrong with the valid session', () => {
    expect(problemsOf(SESSION)).toEqual([]);
  });

  it.each(CASES)('%s: %s -> %s', (_what, find, replacement, code, where, token) => {
    const text = SESSION.replace(find, replacement);
    expect(text).not.toBe(SESSION);
    const { line, column } = positionIn(text, where, token ?? where);
    const found = problemsOf(text).map((p) => `${p.code} ${p.line}:${p.column}`);
    expect(found).toContain(`${code} ${line}:${column}`);
  });

  it.each([
    ['titel', 'title'],
    ['levle', 'level'],
    ['participant', 'participants'],
  ])('suggests the key meant for %s', (typo, meant) => {
    const [p] = problemsOf(`${SESSION}${typo}: x\n`).filter((q) => q.code === 'MTR012');
    expect(p?.message).toContain(`"${typo}"`);
    expect(p?.hint).toBe(`did you mean "${meant}"?`);
  });

  it.each([
    ['tecnical', 'technical'],
    ['Technical', 'technical'],
    ['politcal', 'political'],
  ])('suggests the level meant for %s', (typo, meant) => {
    const [p] = problemsOf(SESSION.replace('level: technical', `level: ${typo}`));
    expect(p?.code).toBe('MTR013');
    expect(p?.hint).toBe(`did you mean "${meant}"?`);
  });

  it('lists the allowed values when no value is close', () => {
    const [p] = problemsOf(SESSION.replace('host: mentee', 'host: nobody'));
    expect(p?.hint).toMatch(/mentor.*mentee.*other.*remote/);
  });

  it('names the missing key', () => {
    const problems = problemsOf(SESSION.replace('host: mentee\n', ''));
    expect(problems.map((p) => [p.code, p.message])).toEqual([['MTR010', 'missing required key "host"']]);
  });

  it('reports an empty file as one problem at 1:1', () => {
    expect(problemsOf('').map((p) => [p.code, p.line, p.column])).toEqual([['MTR011', 1, 1]]);
  });

  it('reports every problem of a file, not only the first', () => {
    const text = SESSION.replace('level: technical', 'level: tecnical').replace('date: 2011-03-14', 'date: 2011-02-30').replace('title:', 'titel:');
    // "titel" is reported once, as unknown (did you mean "title"?), not also as a missing "title".
    expect(new Set(problemsOf(text).map((p) => p.code))).toEqual(new Set(['MTR012', 'MTR013', 'MTR014']));
  });

  it('still reports a missing key when the unknown key is not a likely typo of it', () => {
    const text = SESSION.replace('title:', 'heading:');
    expect(new Set(problemsOf(text).map((p) => p.code))).toEqual(new Set(['MTR010', 'MTR012']));
  });
});

describe('checkSchema on partnership and repository files', () => {
  const PARTNERSHIP = [
    'id: blantyre-request',
    'title: Blantyre request',
    'mentor:',
    '  name: tbd',
    'mentee:',
    '  name: Blantyre City Assembly',
    '  kind: city',
    '  country: MW',
    'stage: request',
    'status: active',
    'history:',
    '  - stage: request',
    '    date: 2010-02-22',
    '',
  ].join('\n');
  const partnershipProblems = (text: string) => checkSchema(parseSource('p.yaml', text), PartnershipSchema, 'a partnership');

  it('accepts a partnership with a mentor still to be found (tbd, no country)', () => {
    expect(partnershipProblems(PARTNERSHIP)).toEqual([]);
  });

  it.each<[string, string, string, string, string, string?]>([
    ['a country name instead of its code', '  country: MW', '  country: Malawi', 'MTR015', 'Malawi'],
    ['a country code in lower case', '  country: MW', '  country: mw', 'MTR015', 'mw'],
    ['an unknown country code', '  country: MW', '  country: XX', 'MTR015', 'XX'],
    ['a misspelt stage', 'stage: request', 'stage: reqest', 'MTR013', 'reqest'],
    ['a missing stage (at the document)', 'stage: request\n', '', 'MTR010', 'id: blantyre', 'id'],
    ['a named mentor without a country (at the mentor)', '  name: tbd', '  name: City of Blantyre\n  kind: city', 'MTR010', 'mentor:'],
    ['an id that is not a slug', 'id: blantyre-request', 'id: Blantyre_Request', 'MTR017', 'Blantyre_Request'],
    ['a history entry with both stage and status', '    date: 2010-02-22', '    date: 2010-02-22\n    status: active', 'MTR010', '- stage: request\n    date', 'stage'],
    ['a rating outside 1 to 4', 'history:', 'evaluation:\n  date: 2011-07-29\n  ratings: {relevance: 4, coherence: 3, effectiveness: 5, efficiency: 3, impact: 2, sustainability: 2, ownership: 4}\nhistory:', 'MTR018', 'effectiveness: 5', '5'],
  ])('%s -> %s', (_what, find, replacement, code, where, token) => {
    const text = PARTNERSHIP.replace(find, replacement);
    const { line, column } = positionIn(text, where, token ?? where);
    expect(partnershipProblems(text).map((p) => `${p.code} ${p.line}:${p.column}`)).toContain(`${code} ${line}:${column}`);
  });

  it.each([
    ['Malawi', '"MW"'],
    ['mw', '"MW"'],
  ])('hints the code for the country written %s', (written, hint) => {
    const [p] = partnershipProblems(PARTNERSHIP.replace('  country: MW', `  country: ${written}`));
    expect(p?.code).toBe('MTR015');
    expect(p?.hint).toContain(hint);
  });

  it('reports a misspelt key of mentor.yaml with its did-you-mean', () => {
    const problems = checkSchema(parseSource('mentor.yaml', 'name: Programme\nprogame: UCLG\n'), RepositoryConfigSchema, 'the repository settings');
    expect(problems.map((p) => [p.code, p.line, p.column, p.hint])).toEqual([['MTR012', 2, 1, 'did you mean "programme"?']]);
  });
});
