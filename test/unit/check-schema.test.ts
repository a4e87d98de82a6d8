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

describe('checkSchema on the fields practitioners use (SPEC 6.2)', () => {
  const BASE = [
    'id: durban-mzuzu',
    'title: Durban and Mzuzu',
    'mentor: {name: eThekwini Municipality, kind: city, country: ZA}',
    'mentee: {name: Mzuzu City Council, kind: city, country: MW}',
    'stage: request',
    'status: active',
    'history:',
    '  - stage: request',
    '    date: 2010-02-22',
    '',
  ].join('\n');
  const problemsOf = (extra: string) => checkSchema(parseSource('p.yaml', BASE + extra), PartnershipSchema, 'a partnership');
  const TARGET = 'targets:\n  - id: approvals\n    title: Faster approvals\n    indicator: Days to approve a plan\n    due: 2011-06-30\n    status: in-progress\n';
  const EVALUATION = (ratings: string, more = '') => `evaluation:\n  date: 2011-07-29\n  ratings:\n${ratings}${more}`;
  const RATINGS = ['relevance: 4', 'coherence: 3', 'effectiveness: 3', 'efficiency: 3', 'impact: 2', 'sustainability: 2', 'ownership: 4'].map((r) => `    ${r}\n`).join('');

  it.each([
    ['targets with target, verification and measurements', `${TARGET}    target: 30 days\n    verification: Planning register\n    measurements:\n      - {date: 2010-08-01, value: 92}\n      - {date: 2011-02-01, value: 64 days, note: sample of 40, source: register}\n`],
    ['funding with status, and in kind without amount', 'funding:\n  - {funder: Norwegian government, amount: 200000, currency: NOK, status: requested}\n  - {funder: eThekwini Municipality, in_kind: true, note: staff time}\n'],
    ['partners, related and triangular', 'direction: triangular\npartners:\n  - {name: Mzuzu, role: member}\n  - {name: KS, country: NO, role: funder}\nrelated:\n  - {id: johannesburg-lilongwe, relation: replicates}\n'],
    ['a signed agreement', 'agreement:\n  version: "1.1"\n  state: final\n  signatories:\n    - {side: mentor, name: Executive Mayor, title: Executive Mayor, date: 2010-05-01}\n  amendments:\n    - {date: 2010-09-01, summary: Longer by three months}\n  languages: [en, ny]\n'],
    ['an evaluation with both rating and recommendation forms', EVALUATION(RATINGS.replace('relevance: 4', 'relevance: {score: 4, evidence: Requested by the council}'), '  type: final\n  evaluator: {name: UCLG secretariat, independent: false}\n  method: Interviews\n  conclusions: Done\n  recommendations:\n    - Keep going\n    - {text: Hand over, owner: Town clerk, due: 2011-12-31, response: Agreed}\n  mentor_benefits: [Staff development]\n')],
  ])('accepts %s', (_what, extra) => {
    expect(problemsOf(extra)).toEqual([]);
  });

  it.each<[string, string, string, string, string?]>([
    ['an unknown key in a measurement', `${TARGET}    measurements:\n      - {date: 2010-08-01, value: 92, vaue: 3}\n`, 'MTR012', 'vaue'],
    ['a measurement with a list as its value', `${TARGET}    measurements:\n      - date: 2010-08-01\n        value: [1, 2]\n`, 'MTR011', '[1, 2]'],
    ['a measurement without a date', `${TARGET}    measurements:\n      - value: 4\n`, 'MTR010', '- value', 'value'],
    ['an unknown funding status', 'funding:\n  - {funder: KS, amount: 1, currency: NOK, status: pledged}\n', 'MTR013', 'pledged'],
    ['a funding without amount and not in kind', 'funding:\n  - {funder: KS, currency: NOK}\n', 'MTR010', '{funder: KS', '{'],
    ['an amount without currency', 'funding:\n  - {funder: KS, amount: 5}\n', 'MTR010', '{funder: KS', '{'],
    ['an unknown partner role', 'partners:\n  - {name: Mzuzu, role: sponsor}\n', 'MTR013', 'sponsor'],
    ['a partner country by name', 'partners:\n  - {name: Mzuzu, country: Malawi, role: member}\n', 'MTR015', 'Malawi'],
    ['an unknown direction', 'direction: sideways\n', 'MTR013', 'sideways'],
    ['a related id that is not a slug', 'related:\n  - {id: Johannesburg, relation: follows}\n', 'MTR017', 'Johannesburg'],
    ['an unknown relation', 'related:\n  - {id: a, relation: copies}\n', 'MTR013', 'copies'],
    ['an unknown agreement state', 'agreement:\n  state: signed\n', 'MTR013', 'signed'],
    ['a signatory without title', 'agreement:\n  signatories:\n    - {side: mentee, name: Town clerk}\n', 'MTR010', '{side: mentee', '{'],
    ['an amendment with a bad date', 'agreement:\n  amendments:\n    - {date: 2010-13-01, summary: x}\n', 'MTR014', '2010-13-01'],
    ['an unknown language', 'agreement:\n  languages: [en, qq]\n', 'MTR018', 'qq'],
    ['a language written as a name', 'agreement:\n  languages: [English]\n', 'MTR018', 'English'],
    ['an unknown evaluation type', EVALUATION(RATINGS, '  type: midterm\n'), 'MTR013', 'midterm'],
    ['an evaluator without independence', EVALUATION(RATINGS, '  evaluator: {name: UCLG}\n'), 'MTR010', 'evaluator: {name: UCLG', 'evaluator'],
    ['a rating {score} out of range', EVALUATION(RATINGS.replace('impact: 2', 'impact: {score: 5, evidence: x}')), 'MTR018', '5, evidence', '5'],
    ['a rating {score} without evidence', EVALUATION(RATINGS.replace('impact: 2', 'impact: {score: 2}')), 'MTR010', 'impact: {score: 2}', 'impact'],
    ['a rating with an unknown key', EVALUATION(RATINGS.replace('impact: 2', 'impact: {score: 2, evidence: x, note: y}')), 'MTR012', 'note: y', 'note'],
    ['a rating as text', EVALUATION(RATINGS.replace('impact: 2', 'impact: good')), 'MTR011', 'good'],
    ['a rating of 2.5', EVALUATION(RATINGS.replace('impact: 2', 'impact: 2.5')), 'MTR011', '2.5'],
    ['a recommendation without owner', EVALUATION(RATINGS, '  recommendations:\n    - {text: Hand over}\n'), 'MTR010', '{text: Hand over}', '{'],
    ['a recommendation with a bad due date', EVALUATION(RATINGS, '  recommendations:\n    - {text: Hand over, owner: Clerk, due: soon}\n'), 'MTR014', 'soon'],
    ['a recommendation as a number', EVALUATION(RATINGS, '  recommendations:\n    - 42\n'), 'MTR011', '42'],
    ['an empty mentor benefit', EVALUATION(RATINGS, '  mentor_benefits: [""]\n'), 'MTR018', '""'],
  ])('%s -> %s', (_what, extra, code, where, token) => {
    const text = BASE + extra;
    const { line, column } = positionIn(text, where, token ?? where);
    expect(problemsOf(extra).map((p) => `${p.code} ${p.line}:${p.column}`)).toContain(`${code} ${line}:${column}`);
  });

  const config = (text: string) => checkSchema(parseSource('mentor.yaml', text), RepositoryConfigSchema, 'the repository settings').map((p) => `${p.code} ${p.line}:${p.column}`);
  it.each([
    ['an illustrative repository with its source', 'name: x\nillustrative: true\nsource: United Cities, March 2011\nbranding: {logo: assets/logo.png, colour: "#1f5fa8"}\n', []],
    ['illustrative without a source', 'name: x\nillustrative: true\n', ['MTR010 1:1']],
    ['a colour that is not #rrggbb', 'name: x\nbranding: {colour: blue}\n', ['MTR018 2:20']],
    ['a logo outside the repository', 'name: x\nbranding: {logo: ../logo.png}\n', ['MTR018 2:18']],
    ['an absolute logo path', 'name: x\nbranding: {logo: /etc/logo.png}\n', ['MTR018 2:18']],
  ])('mentor.yaml: %s', (_what, text, expected) => {
    expect(config(text)).toEqual(expected);
  });
});
