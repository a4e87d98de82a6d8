// The typed view of a file's data: the parts that fit the schema, indexes kept.

import { describe, expect, it } from 'vitest';
import { factsOf } from '../../src/model/facts.js';
import { PartnershipSchema } from '../../src/model/partnership.js';
import { SessionSchema } from '../../src/model/session.js';
import { UclgPartnershipSchema } from '../helpers/method.js';

describe('factsOf', () => {
  it('a valid file is its own facts', () => {
    const session = { date: '2011-03-14', title: 'Review', type: 'contact', level: 'technical', host: 'mentee' };
    expect(factsOf(SessionSchema, session)).toBe(session);
  });

  it.each([
    ['a string where a boolean belongs', { assessment: { date: '2010-01-18', lga: 'MALGA', interest_confirmed: 'yes' } }, { assessment: { date: '2010-01-18', lga: 'MALGA' } }],
    ['a date that does not exist', { request: { date: '2010-02-30', from: 'Mzuzu', topic: 'Planning' } }, { request: { from: 'Mzuzu', topic: 'Planning' } }],
    ['an unknown key and a wrong stage', { stge: 'setup', stage: 'set-up', status: 'active' }, { status: 'active' }],
    ['a list item that is no mapping keeps its place', { targets: ['oops', { id: 'a', due: '2011-01-01', status: 'done?' }] }, { targets: [undefined, { id: 'a', due: '2011-01-01' }] }],
    ['a mapping where a list belongs', { targets: { id: 'a' } }, {}],
    ['blank text is not text', { title: '   ' }, {}],
  ])('%s', (_name, data, facts) => {
    // The checks read facts under the repository's method, which names the stages (UCLG's here).
    expect(factsOf(UclgPartnershipSchema, data)).toEqual(facts);
  });

  it('what is not a mapping has no facts', () => {
    expect(factsOf(PartnershipSchema, ['a list'])).toBeUndefined();
    expect(factsOf(PartnershipSchema, null)).toBeUndefined();
  });
});
