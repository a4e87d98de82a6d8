import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, tempDir } from './cli.js';

/**
 * The official IATI 2.03 schema, kept beside the project (../shared/iati, as CI has it);
 * IATI_SCHEMA_DIR points elsewhere, for a checkout that lives in another folder.
 */
export const IATI_SCHEMA_DIR = process.env.IATI_SCHEMA_DIR ?? path.resolve(ROOT, '../shared/iati');
export const IATI_SCHEMA = path.join(IATI_SCHEMA_DIR, 'iati-activities-schema.xsd');

/** Whether xmllint (Debian's libxml2-utils) can run here: the only reason to skip the schema tests. */
export const HAS_XMLLINT = spawnSync('xmllint', ['--version'], { encoding: 'utf8' }).status === 0;

/** Validate XML documents against the IATI schema with xmllint; the schema must be there. */
export function validateIati(...documents: string[]): { ok: boolean; output: string } {
  if (!existsSync(IATI_SCHEMA)) {
    throw new Error(`the IATI schema is not at ${IATI_SCHEMA}: put the shared folder beside the project, or set IATI_SCHEMA_DIR`);
  }
  const dir = tempDir('mentor-iati-');
  const files = documents.map((text, i) => {
    const file = path.join(dir, `activities-${i + 1}.xml`);
    writeFileSync(file, text);
    return file;
  });
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', IATI_SCHEMA, ...files], { encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

/** The text of every node an XPath finds, one per line (xmllint --xpath). */
export function xpath(document: string, expression: string): string {
  const dir = tempDir('mentor-xpath-');
  const file = path.join(dir, 'doc.xml');
  writeFileSync(file, document);
  const run = spawnSync('xmllint', ['--nonet', '--xpath', expression, file], { encoding: 'utf8' });
  return run.stdout.replace(/\n$/, ''); // xmllint ends its answer with a newline
}
