import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldsReference } from '../../src/model/fields-doc.js';
import { uclg } from '../helpers/method.js';

const DOC = path.resolve(import.meta.dirname, '../../docs/fields.md');
const reference = fieldsReference(uclg);
const rows = reference.split('\n').filter((line) => line.startsWith('| `'));

describe('docs/fields.md', () => {
  it('is the current output of the schema (regenerate: node scripts/build.mjs && node scripts/fields-doc.mjs)', () => {
    expect(readFileSync(DOC, 'utf8')).toBe(reference);
  });

  it('gives every field a meaning', () => {
    expect(rows.length).toBeGreaterThan(150);
    expect(rows.filter((row) => row.endsWith('|  |'))).toEqual([]);
  });

  it.each([
    'targets[].target',
    'targets[].verification',
    'targets[].measurements[].value',
    'funding[].status',
    'funding[].in_kind',
    'partners[].role',
    'related[].relation',
    'agreement.version',
    'agreement.state',
    'agreement.signatories[].title',
    'agreement.amendments[].summary',
    'agreement.languages',
    'evaluation.type',
    'evaluation.evaluator.independent',
    'evaluation.method',
    'evaluation.conclusions',
    'evaluation.ratings.impact.evidence',
    'evaluation.recommendations[].owner',
    'evaluation.recommendations[].response',
    'evaluation.mentor_benefits',
    'illustrative',
    'source',
    'branding.colour',
    'actions[].due',
  ])('lists %s', (field) => {
    expect(rows.some((row) => row.startsWith(`| \`${field}\` |`))).toBe(true);
  });
});
