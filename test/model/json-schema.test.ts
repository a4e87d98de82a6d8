import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import { checkSchema } from '../../src/check/schema.js';
import { SCHEMA_FILES, type SchemaFileName } from '../../src/model/json-schema.js';
import { exportSchemas } from '../../src/ops/schema.js';
import { parseSource } from '../../src/store/source.js';
import { EXAMPLES } from '../helpers/cli.js';
import { uclg } from '../helpers/method.js';

// The exported JSON Schemas (what `mentor schema` prints) and validate's schema check must give the
// same verdict on every file: valid example files, and each damaged in the ways people and tools
// damage them. A case where ajv accepts what validate refuses is a schema that lies to editors.

const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const exported = exportSchemas(uclg);
const validators = Object.fromEntries(Object.entries(exported).map(([name, text]) => [name, ajv.compile(JSON.parse(text) as object)]));

type Damage = [name: string, path: (string | number)[], value: unknown];

/** Damages by file kind: a path into the file and the value put there (a string starting "raw:" is written as YAML text). */
const PARTNERSHIP_DAMAGES: Damage[] = [
  ['blank title', ['title'], '   '],
  ['tab-only title', ['title'], '\t'],
  ['empty title', ['title'], ''],
  ['blank mentor name', ['mentor', 'name'], '  '],
  ['.inf amount', ['funding', 0, 'amount'], 'raw:.inf'],
  ['1e400 amount', ['funding', 0, 'amount'], 'raw:1e400'],
  ['negative amount', ['funding', 0, 'amount'], -5],
  ['amount as text', ['funding', 0, 'amount'], 'lots'],
  ['currency ABC', ['funding', 0, 'currency'], 'ABC'],
  ['currency lowercase', ['funding', 0, 'currency'], 'usd'],
  ['currency of four letters', ['funding', 0, 'currency'], 'USDX'],
  ['date in year 50', ['request', 'date'], '0050-06-15'],
  ['date in 1899', ['request', 'date'], '1899-12-31'],
  ['date 2011-02-30', ['request', 'date'], '2011-02-30'],
  ['date with slashes', ['request', 'date'], '2011/03/14'],
  ['history date in year 9', ['history', 0, 'date'], '0009-06-15'],
  ['history entry with stage and status', ['history', 0, 'status'], 'active'],
  ['mentor without country', ['mentor', 'country'], undefined],
  ['mentor tbd without country', ['mentor'], { name: 'tbd' }],
  ['unknown country', ['mentee', 'country'], 'XX'],
  ['unknown key', ['stge'], 'mentoring'],
  ['unknown stage', ['stage'], 'launched'],
  ['bad id', ['id'], 'Bergen_Mombasa'],
  ['id too long', ['id'], 'a'.repeat(65)],
  ['.inf duration', ['agreement', 'terms', 'duration_months'], 'raw:.inf'],
  ['fractional duration', ['agreement', 'terms', 'duration_months'], 12.5],
  ['rating 5', ['evaluation', 'ratings', 'impact'], 5],
  ['rating .inf', ['evaluation', 'ratings', 'impact'], 'raw:.inf'],
  ['blank objective', ['agreement', 'terms', 'objectives', 0], ' '],
  ['empty history', ['history'], []],
  ['null title', ['title'], null],
  ['bad e-mail', ['mentor', 'contacts', 0, 'email'], 'not-an-address'],
];

const SESSION_DAMAGES: Damage[] = [
  ['blank title', ['title'], '   '],
  ['date in year 99', ['date'], '0099-01-01'],
  ['end 2011-02-29', ['end'], '2011-02-29'],
  ['unknown type', ['type'], 'visit'],
  ['blank topic', ['topics'], ['  ']],
  ['cost .inf', ['costs'], [{ item: 'Flights Bergen – Mombasa', amount: 'raw:.inf', currency: 'NOK' }]],
  ['cost 1e400', ['costs'], [{ item: 'Flights Bergen – Mombasa', amount: 'raw:1e400', currency: 'NOK' }]],
  ['cost in ABC', ['costs'], [{ item: 'Flights Bergen – Mombasa', amount: 1200, currency: 'ABC' }]],
  ['blank participant role', ['participants'], [{ name: 'Town Clerk', organisation: 'Municipal Council of Mombasa', role: ' ', side: 'mentee' }]],
  ['action due in year 1', ['actions'], [{ what: 'Survey the pilot area', owner: 'Planning, Mombasa', due: '0001-01-01', status: 'open' }]],
  ['missing host', ['host'], undefined],
];

const MENTOR_DAMAGES: Damage[] = [
  ['blank name', ['name'], ' \t '],
  ['unknown locale', ['locale'], 'de'],
];

/** The file's text with one damage done, through the yaml Document so the rest stays as written. */
function damaged(text: string, [, at, value]: Damage): string {
  const doc = parseDocument(text);
  const raws: string[] = [];
  const encode = (v: unknown): unknown => {
    if (typeof v === 'string' && v.startsWith('raw:')) {
      raws.push(v.slice(4));
      return `@@RAW${raws.length - 1}@@`;
    }
    if (Array.isArray(v)) return v.map(encode);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encode(x)]));
    return v;
  };
  if (value === undefined) doc.deleteIn(at);
  else doc.setIn(at, encode(value));
  return doc.toString({ lineWidth: 0 }).replace(/["']?@@RAW(\d+)@@["']?/g, (_, i: string) => raws[Number(i)]!);
}

interface Case {
  label: string;
  file: string;
  schema: SchemaFileName;
  text: string;
}

function cases(): Case[] {
  const all: Case[] = [];
  const add = (file: string, schema: SchemaFileName, damages: Damage[]) => {
    const text = readFileSync(path.join(EXAMPLES, file), 'utf8');
    all.push({ label: `${file} as it is`, file, schema, text });
    for (const damage of damages) all.push({ label: `${file}: ${damage[0]}`, file, schema, text: damaged(text, damage) });
  };
  add('mentor.yaml', 'mentor.schema.json', MENTOR_DAMAGES);
  for (const id of readdirSync(path.join(EXAMPLES, 'partnerships'))) {
    add(`partnerships/${id}/partnership.yaml`, 'partnership.schema.json', PARTNERSHIP_DAMAGES);
    const sessions = readdirSync(path.join(EXAMPLES, 'partnerships', id, 'sessions'));
    add(`partnerships/${id}/sessions/${sessions[0]}`, 'session.schema.json', SESSION_DAMAGES);
  }
  return all;
}

const WHAT: Record<SchemaFileName, string> = { 'partnership.schema.json': 'a partnership', 'session.schema.json': 'a session', 'mentor.schema.json': 'a repository' };

const ALL = cases();

test.each(ALL.map((c) => [c.label, c] as const))('same verdict from the JSON Schema and validate: %s', (_label, c) => {
  const source = parseSource(c.file, c.text);
  expect(source.problems, 'the damage itself must be readable YAML').toEqual([]);
  const errors = checkSchema(source, c.schema === 'partnership.schema.json' ? uclg.schema : SCHEMA_FILES[c.schema], WHAT[c.schema]).filter((p) => p.severity === 'error');
  const ajvAccepts = validators[c.schema]!(source.data) as boolean;
  expect({ ajvAccepts, reasons: ajvAccepts ? errors.map((e) => e.message) : validators[c.schema]!.errors?.map((e) => `${e.instancePath} ${e.message}`) }).toMatchObject({ ajvAccepts: errors.length === 0 });
});

test('the damages do reach both validators (most damaged files are refused)', () => {
  const refused = ALL.filter((c) => !(validators[c.schema]!(parseSource(c.file, c.text).data) as boolean));
  expect(refused.length).toBeGreaterThan(ALL.length * 0.8);
});
