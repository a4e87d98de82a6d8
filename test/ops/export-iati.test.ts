import { openRepository } from '../../src/store/repository.js';
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { DataError, UsageError } from '../../src/errors.js';
import { exportIati } from '../../src/ops/export-iati.js';
import { copyOfExamples, EXAMPLES } from '../helpers/cli.js';
import { HAS_XMLLINT, validateIati, xpath } from '../helpers/iati.js';

const TODAY = '2011-03-31';
const IATI_BLOCK = 'iati:\n  reporting_org:\n    ref: XX-TEST-UCLG\n    name: UCLG\n    type: 21\n';
const IDS = readdirSync(path.join(EXAMPLES, 'partnerships')).sort();

function examplesWithIati(): string {
  const root = copyOfExamples();
  appendFileSync(path.join(root, 'mentor.yaml'), IATI_BLOCK);
  return root;
}

/**
 * The string values of several XPath expressions, from one run of xmllint rather than one each
 * (a run costs a process start: most of this file's time).
 */
function xpaths(document: string, expressions: string[]): string[] {
  const separator = '|#|';
  const values = xpath(document, `concat(${expressions.map((e) => `string(${e})`).join(`, '${separator}', `)})`).split(separator);
  expect(values).toHaveLength(expressions.length);
  return values;
}

const readPartnership = (id: string) => parse(readFileSync(path.join(EXAMPLES, 'partnerships', id, 'partnership.yaml'), 'utf8'), { schema: 'core' });
const STATUS_OF_STAGE: Record<string, string> = { request: '1', assessment: '1', agreement: '1', setup: '1', mentoring: '2', evaluation: '2', launch: '2', promotion: '3', closed: '4' };

describe.skipIf(!HAS_XMLLINT)('the IATI export of the examples', () => {
  const root = examplesWithIati();
  // Every export is made now: the temporary copy goes away after the first test.
  const document = exportIati(openRepository(root), { cwd: root, today: TODAY, ids: [] }).output!;
  const later = exportIati(openRepository(root), { cwd: root, today: '2013-01-01', ids: [] }).output;
  const two = exportIati(openRepository(root), { cwd: root, today: TODAY, ids: ['bergen-mombasa', 'durban-mzuzu'], asOf: '2011-03-31' }).output!;

  test('validates against the official IATI 2.03 schema', () => {
    const result = validateIati(document);
    expect(result.output).toContain('validates');
    expect(result.ok).toBe(true);
  });

  test.each(IDS)('%s: identifier, title, status, start, country and sector come from its data', (id) => {
    const p = readPartnership(id);
    const activity = `//iati-activity[iati-identifier="XX-TEST-UCLG-${id}"]`;
    const [count, title, status, start, country, sector, reporting, fundingOrgs] = xpaths(document, [
      `count(${activity})`,
      `${activity}/title/narrative`,
      `${activity}/activity-status/@code`,
      `${activity}/activity-date[@type="2"]/@iso-date`,
      `${activity}/recipient-country/@code`,
      `${activity}/sector[@vocabulary="1"]/@code`,
      `${activity}/reporting-org/@ref`,
      `count(${activity}/participating-org[@role="1"])`,
    ]);
    expect(count).toBe('1');
    expect(title).toBe(p.title);
    expect(status).toBe(STATUS_OF_STAGE[p.stage]);
    expect(start).toBe(p.history[0].date);
    expect(country).toBe(p.mentee.country);
    expect(sector).toBe('15112');
    expect(reporting).toBe('XX-TEST-UCLG');
    // A funder asked (requested) or that declined is no participating organisation.
    const funders = [...new Set((p.funding ?? []).filter((f: { status?: string }) => f.status !== 'requested' && f.status !== 'declined').map((f: { funder: string }) => f.funder))];
    expect(fundingOrgs).toBe(String(funders.length));
  });

  test("narratives in the partnership's language and the repository's: Rosario and Ciudad Sur in Spanish, then English", () => {
    const activity = '//iati-activity[iati-identifier="XX-TEST-UCLG-rosario-ciudad-sur"]';
    expect(xpath(document, `string(${activity}/@xml:lang)`)).toBe('es');
    expect(xpath(document, `count(${activity}/description[@type="1"]/narrative[not(@xml:lang)])`)).toBe('1');
    expect(xpath(document, `count(${activity}/description[@type="1"]/narrative[@xml:lang="en"])`)).toBe('1');
  });

  test('the same data gives the same bytes on any day; named partnerships only', () => {
    expect(later).toBe(document);
    expect(xpath(two, 'count(//iati-activity)')).toBe('2');
    expect(xpath(two, 'string(/iati-activities/@generated-datetime)')).toBe('2011-03-31T00:00:00Z');
    expect(validateIati(two).ok).toBe(true);
  });
});

test('without an iati block in mentor.yaml: a usage error that names the fields to add', () => {
  let error: unknown;
  try {
    exportIati(openRepository(EXAMPLES), { cwd: EXAMPLES, today: TODAY, ids: [] });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(UsageError);
  const { message, hint } = error as UsageError;
  expect(message).toMatch(/mentor\.yaml has no "iati" block/);
  for (const field of ['iati:', 'reporting_org:', 'ref:', 'name:', 'type:']) expect(hint).toContain(field);
});

test('an invalid iati block: a data error pointing to validate', () => {
  const root = copyOfExamples();
  appendFileSync(path.join(root, 'mentor.yaml'), 'iati:\n  reporting_org:\n    ref: XX-TEST-UCLG\n    name: UCLG\n    type: 99\n');
  expect(() => exportIati(openRepository(root), { cwd: root, today: TODAY, ids: [] })).toThrow(DataError);
  expect(() => exportIati(openRepository(root), { cwd: root, today: TODAY, ids: [] })).toThrow(/iati\.reporting_org\.type/);
});
