import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { copyOfExamples, EXAMPLES, mentor } from '../helpers/cli.js';
import { HAS_XMLLINT, validateIati } from '../helpers/iati.js';

const IATI_BLOCK = 'iati:\n  reporting_org:\n    ref: XX-TEST-UCLG\n    name: UCLG\n    type: 21\n';

function examplesWithIati(): string {
  const root = copyOfExamples();
  appendFileSync(path.join(root, 'mentor.yaml'), IATI_BLOCK);
  return root;
}

test('export iati without an iati block in mentor.yaml exits 2 and says what to add', () => {
  const r = mentor(['export', 'iati', '-C', EXAMPLES]);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^mentor: mentor\.yaml has no "iati" block.*reporting_org: \{ref: .*name: .*type: /);
});

test.skipIf(!HAS_XMLLINT)('export iati --out writes schema-valid XML, the same as on stdout', () => {
  const root = examplesWithIati();
  const r = mentor(['export', 'iati', '--out', 'iati/activities.xml'], { cwd: root });
  expect(r.code).toBe(0);
  expect(r.stdout).toBe('');
  expect(r.stderr).toBe('wrote iati/activities.xml (6 activities)\n');
  const written = readFileSync(path.join(root, 'iati/activities.xml'), 'utf8');
  expect(validateIati(written).ok).toBe(true);
  const printed = mentor(['export', 'iati', 'johannesburg-lilongwe'], { cwd: root });
  expect(printed.code).toBe(0);
  expect(printed.stdout).toContain('<iati-identifier>XX-TEST-UCLG-johannesburg-lilongwe</iati-identifier>');
  expect(validateIati(printed.stdout).ok).toBe(true);
});

test('an unknown partnership exits 2; an invalid one exits 1; an invalid iati block exits 1', () => {
  const root = examplesWithIati();
  expect(mentor(['export', 'iati', 'nowhere'], { cwd: root })).toMatchObject({ code: 2, stdout: '' });
  const file = path.join(root, 'partnerships/bergen-mombasa/partnership.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('status: active', 'status: paused'));
  const invalid = mentor(['export', 'iati', 'bergen-mombasa'], { cwd: root });
  expect(invalid.code).toBe(1);
  expect(invalid.stderr).toMatch(/bergen-mombasa.*validation error/);
  writeFileSync(path.join(root, 'mentor.yaml'), readFileSync(path.join(root, 'mentor.yaml'), 'utf8').replace('type: 21', 'type: 12'));
  const badBlock = mentor(['export', 'iati', 'durban-mzuzu'], { cwd: root });
  expect(badBlock.code).toBe(1);
  expect(badBlock.stderr).toMatch(/iati\.reporting_org\.type/);
});

test('export iati --help shows examples', () => {
  const r = mentor(['export', 'iati', '--help']);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('mentor export iati --out iati-activities.xml');
});
