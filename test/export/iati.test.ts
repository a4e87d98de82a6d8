import { describe, expect, test } from 'vitest';
import { decimal, iatiActivities, iatiActivity, type IatiActivityInput } from '../../src/export/iati.js';
import { xmlDocument, type XmlElement } from '../../src/export/xml.js';
import type { Partnership } from '../../src/model/partnership.js';
import { HAS_XMLLINT, validateIati, xpath } from '../helpers/iati.js';
import { builtInMethod } from '../../src/ops/method.js';
import { uclg } from '../helpers/method.js';

const settings = { reporting_org: { ref: 'XX-TEST-UCLG', name: 'UCLG', type: 21 } };

const base: Partnership = {
  id: 'johannesburg-lilongwe',
  title: 'Johannesburg – Lilongwe City Development Strategy',
  mentor: { name: 'City of Johannesburg', kind: 'city', country: 'ZA' },
  mentee: { name: 'Lilongwe City Assembly', kind: 'city', country: 'MW' },
  stage: 'mentoring',
  status: 'active',
  history: [
    { stage: 'request', date: '2008-05-12' },
    { stage: 'mentoring', date: '2009-04-06' },
  ],
  request: { date: '2008-05-12', from: 'Lilongwe City Assembly', topic: 'City Development Strategy' },
  agreement: {
    approvals: [
      { side: 'mentor', body: 'Mayoral Committee', date: '2008-11-20' },
      { side: 'mentee', body: 'Lilongwe City Assembly', date: '2008-12-10' },
    ],
    terms: { objectives: ['Adopt a CDS'], duration_months: 24, evaluation_method: 'Joint self-assessment', budget: { amount: 150000, currency: 'USD' } },
  },
};

/** Funding entries with the fields SPEC 6.2 adds (status, in_kind), which the model may not have yet. */
const withFunding = (funding: Record<string, unknown>[]): Partnership => ({ ...base, funding: funding as Partnership['funding'] });

const input = (partnership: Partnership, extra: Partial<IatiActivityInput> = {}): IatiActivityInput => ({
  partnership,
  settings,
  lang: 'en',
  langs: ['en'],
  programme: 'UCLG city mentoring programme',
  lastUpdated: '2011-03-17',
  method: uclg,
  ...extra,
});

const children = (node: XmlElement, name: string) => (Array.isArray(node.children) ? node.children.filter((c) => c.name === name) : []);
const child = (node: XmlElement, name: string) => children(node, name)[0];
const text = (node: XmlElement | undefined): string => (node && typeof node.children === 'string' ? node.children : Array.isArray(node?.children) ? node.children.map(text).join('|') : '');

describe('activity status from stage and status', () => {
  test.each([
    ['request', 'active', 1],
    ['setup', 'active', 1],
    ['mentoring', 'active', 2],
    ['launch', 'active', 2],
    ['evaluation', 'active', 2],
    ['promotion', 'active', 3],
    ['closed', 'closed', 4],
    ['mentoring', 'cancelled', 5],
    ['agreement', 'suspended', 6],
  ] as const)('stage %s, status %s -> code %i', (stage, status, code) => {
    const activity = iatiActivity(input({ ...base, stage, status }));
    expect(child(activity, 'activity-status')!.attrs!.code).toBe(code);
  });

  // The same roles in another method: before its mentoring stage, the pipeline; from it, implementation; its terminal stage, closed.
  test.each([
    ['fiche', 'active', 1],
    ['contract', 'active', 1],
    ['implementation', 'active', 2],
    ['closure', 'active', 4],
  ] as const)('eu-twinning: stage %s, status %s -> code %i', (stage, status, code) => {
    const activity = iatiActivity(input({ ...base, stage, status }, { method: builtInMethod('eu-twinning') }));
    expect(child(activity, 'activity-status')!.attrs!.code).toBe(code);
  });
});

describe('activity dates from the history', () => {
  test('actual start: the first history entry; planned end: the ToR duration from entering mentoring', () => {
    const dates = children(iatiActivity(input(base)), 'activity-date').map((d) => [d.attrs!.type, d.attrs!['iso-date']]);
    expect(dates).toEqual([
      [2, '2008-05-12'],
      [3, '2011-04-05'],
    ]);
  });

  test('actual end: the date it was closed, or cancelled', () => {
    const closed = iatiActivity(input({ ...base, stage: 'closed', status: 'closed', history: [...base.history, { stage: 'closed', date: '2012-06-01' }] }));
    expect(children(closed, 'activity-date').at(-1)!.attrs).toEqual({ type: 4, 'iso-date': '2012-06-01' });
    const cancelled = iatiActivity(input({ ...base, status: 'cancelled', history: [...base.history, { status: 'cancelled', date: '2010-02-01', reason: 'no budget' }] }));
    expect(children(cancelled, 'activity-date').at(-1)!.attrs).toEqual({ type: 4, 'iso-date': '2010-02-01' });
  });
});

describe('transactions from funding, by status', () => {
  const funding = [
    { funder: 'Cities Alliance', amount: 75000, currency: 'USD', status: 'committed', note: 'Support to the CDS process' },
    { funder: 'Norwegian government', amount: 250000, currency: 'NOK', status: 'received' },
    { funder: 'UCLG', amount: 30000, currency: 'USD', status: 'committed' },
    { funder: 'UCLG', amount: 12000.5, currency: 'USD', status: 'received' },
    { funder: 'Municipal Development Partnership', amount: 5000, currency: 'USD', status: 'requested' },
    { funder: 'Declining funder', amount: 5000, currency: 'EUR', status: 'declined' },
    { funder: 'City of Johannesburg', in_kind: true, currency: 'ZAR', status: 'committed' },
    { funder: 'Funder without a status', amount: 1000, currency: 'USD' },
  ];
  const activity = iatiActivity(input(withFunding(funding)));
  const transactions = children(activity, 'transaction');

  test('committed and received become transactions; requested, declined, in-kind and unrecorded do not', () => {
    expect(transactions.map((t) => [child(t, 'transaction-type')!.attrs!.code, text(child(t, 'value')), child(t, 'value')!.attrs!.currency])).toEqual([
      [11, '75000', 'USD'], // a funder's commitment to the publisher: incoming commitment
      [1, '250000', 'NOK'], // a funder's money received: incoming funds
      [2, '30000', 'USD'], // the publisher's own commitment: (outgoing) commitment
      [3, '12000.5', 'USD'], // the publisher's own money paid out: disbursement
    ]);
  });

  test('provider and receiver: the funder gives to the publisher; the publisher gives its own', () => {
    expect(text(child(transactions[0]!, 'provider-org'))).toBe('Cities Alliance');
    expect(child(transactions[0]!, 'receiver-org')!.attrs!.ref).toBe('XX-TEST-UCLG');
    expect(child(transactions[2]!, 'provider-org')!.attrs!.ref).toBe('XX-TEST-UCLG');
    expect(child(transactions[2]!, 'receiver-org')).toBeUndefined();
    expect(text(child(transactions[0]!, 'description'))).toBe('Support to the CDS process');
  });

  test('without a date of its own, a transaction takes the date of the agreement (the last approval)', () => {
    expect(transactions.map((t) => child(t, 'transaction-date')!.attrs!['iso-date'])).toEqual(Array(4).fill('2008-12-10'));
    const dated = iatiActivity(input(withFunding([{ ...funding[0], date: '2009-01-15' }])));
    expect(child(child(dated, 'transaction')!, 'transaction-date')!.attrs!['iso-date']).toBe('2009-01-15');
  });

  test('funders: every one that did not only ask or decline, the publisher with its identifier', () => {
    const funders = children(activity, 'participating-org').filter((o) => o.attrs!.role === 1);
    expect(funders.map((o) => [text(o), o.attrs!.ref])).toEqual([
      ['Cities Alliance', undefined],
      ['Norwegian government', undefined],
      ['UCLG', 'XX-TEST-UCLG'],
      ['City of Johannesburg', undefined],
      ['Funder without a status', undefined],
    ]);
  });

  test.skipIf(!HAS_XMLLINT)('the result is valid against the IATI 2.03 schema', () => {
    const result = validateIati(xmlDocument(iatiActivities([activity], '2011-03-17')));
    expect(result.output).toContain('validates');
    expect(result.ok).toBe(true);
  });
});

test('roles: publisher accountable and extending, the two cities implementing (local government), no "tbd" mentor', () => {
  const roles = (p: Partnership) => children(iatiActivity(input(p)), 'participating-org').map((o) => [o.attrs!.role, text(o), o.attrs!.type]);
  expect(roles(base)).toEqual([
    [2, 'UCLG', 21],
    [3, 'UCLG', 21],
    [4, 'City of Johannesburg', 11],
    [4, 'Lilongwe City Assembly', 11],
  ]);
  expect(roles({ ...base, mentor: { name: 'tbd' }, mentee: { name: 'ALAN', kind: 'association', country: 'NA' } }).filter((r) => r[0] === 4)).toEqual([[4, 'ALAN', undefined]]);
});

test('the description in every language asked for; the data language carries no xml:lang', () => {
  const activity = iatiActivity(input({ ...base, locale: 'es' }, { lang: 'es', langs: ['es', 'en', 'fr'] }));
  expect(activity.attrs!['xml:lang']).toBe('es');
  const described = children(child(activity, 'description')!, 'narrative');
  expect(described.map((n) => n.attrs!['xml:lang'])).toEqual([undefined, 'en', 'fr']);
  expect(text(described[0])).toMatch(/^Mentoría entre ciudades: City of Johannesburg \(Sudáfrica\) acompaña a Lilongwe City Assembly \(Malaui\)/);
  expect(text(described[2])).toMatch(/^Mentorat entre villes : /);
});

test('targets as results: a qualitative indicator each, due at the period end; an achieved one with its result as the actual', () => {
  const activity = iatiActivity(
    input({
      ...base,
      targets: [
        { id: 'debt-recovery', title: 'Debt-recovery strategy', indicator: 'Strategy adopted', baseline: 'No strategy (2008)', due: '2011-06-30', status: 'in-progress' },
        { id: 'by-law-review', title: 'Review of the by-laws', indicator: 'By-laws submitted', due: '2011-09-30', status: 'achieved', result: 'Submitted to the Ministry' },
      ],
    }),
  );
  const found = children(activity, 'result');
  expect(found.map((r) => [r.attrs!.type, text(child(r, 'title'))])).toEqual([
    [2, 'Debt-recovery strategy'],
    [2, 'Review of the by-laws'],
  ]);
  const indicator = child(found[0]!, 'indicator')!;
  expect(indicator.attrs!.measure).toBe(5);
  expect(text(child(indicator, 'description'))).toBe('Baseline: No strategy (2008)');
  const period = child(indicator, 'period')!;
  expect([child(period, 'period-start')!.attrs!['iso-date'], child(period, 'period-end')!.attrs!['iso-date']]).toEqual(['2009-04-06', '2011-06-30']);
  expect(child(period, 'actual')).toBeUndefined();
  expect(text(child(child(child(child(found[1]!, 'indicator')!, 'period')!, 'actual')!, 'comment'))).toBe('Submitted to the Ministry');
});

describe('amounts as xsd:decimal', () => {
  test.each([
    [150000, '150000'],
    [0, '0'],
    [12000.5, '12000.5'],
    [1e21, '1000000000000000000000'],
    [0.0000001, '0.0000001'],
  ])('%d -> %s', (value, expected) => {
    expect(decimal(value)).toBe(expected);
  });
});

describe.skipIf(!HAS_XMLLINT)('hostile text', () => {
  const hostile = 'A & B <script>alert("x")</script> \'q\' ]]> \u0001\u001b[31m \ud800 end';
  const partnership: Partnership = {
    ...base,
    title: hostile,
    mentor: { ...base.mentor, name: `Mentor ${hostile}` },
    agreement: { ...base.agreement, terms: { ...base.agreement!.terms!, objectives: [hostile, 'line\r\nbreak'] } },
    funding: [{ funder: `Funder "${hostile}"`, amount: 1, currency: 'USD', status: 'received', note: hostile } as NonNullable<Partnership['funding']>[number]],
  };
  const document = xmlDocument(iatiActivities([iatiActivity(input(partnership))], '2011-03-17'));

  test('stays text: the document validates and reads back as the data, unsafe characters as "?"', () => {
    expect(validateIati(document).ok).toBe(true);
    const readable = 'A & B <script>alert("x")</script> \'q\' ]]> ??[31m ? end';
    expect(xpath(document, 'string(//title/narrative)')).toBe(readable);
    expect(xpath(document, 'string(//participating-org[@role="4"][1]/narrative)')).toBe(`Mentor ${readable}`);
    expect(xpath(document, 'string(//transaction/provider-org/narrative)')).toBe(`Funder "${readable}"`);
    expect(xpath(document, 'string(//description[@type="2"]/narrative)')).toBe(`- ${readable}\n- line\r\nbreak`);
    expect(xpath(document, 'count(//script)')).toBe('0');
  });
});
