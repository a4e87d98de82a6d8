import { describe, expect, it } from 'vitest';
import { checkRelated, relatedLinks } from '../../src/check/related.js';
import type { Facts } from '../../src/model/facts.js';
import type { Partnership } from '../../src/model/partnership.js';

const IDS = new Set(['johannesburg-lilongwe', 'durban-mzuzu', 'ekurhuleni-blantyre']);

describe('MTR045: related partnerships that do not exist', () => {
  it.each([
    ['an existing id', 'johannesburg-lilongwe', []],
    ['a misspelt id', 'johannesburg-lilongwee', ['MTR045 did you mean "johannesburg-lilongwe"?']],
    ['an id from another repository', 'bergen-dar-es-salaam', ['MTR045 give the id of a folder under partnerships/']],
  ])('%s', (_what, id, expected) => {
    const findings = checkRelated(relatedLinks({ related: [{ id: 'durban-mzuzu', relation: 'follows' }, { id, relation: 'replicates' }] }), IDS);
    expect(findings.map((f) => `${f.code} ${f.hint}`)).toEqual(expected);
    for (const f of findings) expect(f.path).toEqual(['related', 1, 'id']);
  });

  it('leaves entries without a text id to the schema', () => {
    expect(relatedLinks({ related: [{ relation: 'follows' }, null, { id: 7 }] } as unknown as Facts<Partnership>)).toEqual([]);
    expect(relatedLinks({})).toEqual([]);
  });
});
