// The verdict-only reading of a schema must accept exactly what zod accepts: validate skips zod's
// issues for the files it accepts, so a file it accepted wrongly would lose its problems.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { zodAccepts } from '../../src/check/verdict.js';
import { methodFileSchema } from '../../src/model/method.js';
import { RepositoryConfigSchema } from '../../src/model/repository.js';
import { SessionSchema } from '../../src/model/session.js';
import { builtInMethod } from '../../src/ops/method.js';
import { builtInMethodNames } from '../../src/store/methods.js';
import { damage, random } from '../helpers/damage.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const LONG = process.env.MENTOR_LONG === '1';

/** Every YAML file under a folder. */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return yamlFiles(file);
    return /\.ya?ml$/.test(name) ? [file] : [];
  });
}

const load = (text: string): unknown => jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });

const partnershipSchemas = builtInMethodNames().map((name) => builtInMethod(name).schema);

/** The schema a data file is checked against, as validate picks it. */
function schemasFor(file: string): z.ZodType[] {
  if (file.endsWith('mentor.yaml')) return [RepositoryConfigSchema];
  if (file.includes(`${path.sep}sessions${path.sep}`)) return [SessionSchema];
  if (file.endsWith('partnership.yaml')) return partnershipSchemas;
  if (file.includes(`${path.sep}methods${path.sep}`)) return [methodFileSchema()];
  return [];
}

const DATA_FILES = [...yamlFiles(path.join(ROOT, 'examples')), ...yamlFiles(path.join(ROOT, 'test/fixtures')), ...yamlFiles(path.join(ROOT, 'methods'))]
  .map((file) => ({ file, text: readFileSync(file, 'utf8') }))
  .filter(({ file }) => schemasFor(file).length > 0);

function agrees(schema: z.ZodType, value: unknown): void {
  const expected = schema.safeParse(value).success;
  expect(zodAccepts(schema, value), JSON.stringify(value)?.slice(0, 400)).toBe(expected);
}

describe('the verdict-only reading of a schema, held to zod', () => {
  it('agrees with zod on every example, fixture and built-in method file', () => {
    let accepted = 0;
    for (const { file, text } of DATA_FILES) {
      let data: unknown;
      try {
        data = load(text);
      } catch {
        continue; // a fixture that is not YAML: the parser reports it, no schema runs
      }
      for (const schema of schemasFor(file)) {
        agrees(schema, data);
        if (schema.safeParse(data).success) accepted++;
      }
    }
    // The examples are valid: most of what was compared was accepted by both.
    expect(accepted).toBeGreaterThan(40);
  });

  // Values of the kinds YAML gives, and of the kinds mistakes make.
  const value = fc.oneof(
    fc.constantFrom('', ' ', ' x ', 'tbd', ' tbd ', 'TBD', '\t', 'MW', 'ZA', 'mw', 'USD', 'usd', 'XXX', 'en', 'ny', 'zz', 'english'),
    fc.constantFrom('2016-06-30', '2016-02-29', '2015-02-29', '2016-13-01', '1899-12-31', '1900-01-01', '0099-01-01', '2016-6-30', ' 2016-06-30', '2016-06-30T00:00:00Z'),
    fc.constantFrom('request', 'assessment', 'agreement', 'implementation', 'evaluation', 'closed', 'active', 'suspended', 'contact', 'technical', 'political', 'mentor', 'mentee', 'lga', 'programme', 'open', 'done', 'city', 'follows'),
    fc.constantFrom('a@b.org', 'not an address', 'johannesburg-lilongwe', 'Johannesburg-Lilongwe', 'a--b', 'x'.repeat(70), '#1f5fa8', '../x', 'a/b.png'),
    fc.constantFrom(0, 1, -1, 1.5, 12, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MAX_VALUE, Number.NaN, -0, 2 ** 53, 5),
    fc.constantFrom(null, true, false, undefined),
    fc.string({ maxLength: 12 }),
    fc.integer({ min: -5, max: 2_000_000 }),
    fc.constant([]),
    fc.constant({}),
    fc.array(fc.constantFrom('x', ' ', '', 'MW', 1, null), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('name', 'role', 'score', 'evidence', 'date', 'id', 'x', 'side', 'kind', 'country'), fc.constantFrom('x', '', 'tbd', 1, null, 'MW', 'city'), { maxKeys: 3 }),
  );

  /** Every path to a value inside a document. */
  function paths(node: unknown, at: (string | number)[] = []): (string | number)[][] {
    const here = [at];
    if (Array.isArray(node)) return [...here, ...node.flatMap((v, i) => paths(v, [...at, i]))];
    if (node && typeof node === 'object') return [...here, ...Object.entries(node).flatMap(([k, v]) => paths(v, [...at, k]))];
    return here;
  }

  type Edit = { kind: 'set' | 'delete' | 'add' | 'rename'; pick: number; value: unknown; key: string };
  const edit = fc.record({
    kind: fc.constantFrom('set', 'set', 'delete', 'add', 'rename') as fc.Arbitrary<Edit['kind']>,
    pick: fc.nat(),
    value,
    key: fc.constantFrom('stge', 'titel', 'x', 'name', 'kind', 'country', 'stage', 'status', 'date', 'note', '__proto__', 'constructor', 'toString', 'score', 'evidence'),
  });

  /** One edit of a structured copy of a document. */
  function apply(doc: unknown, e: Edit): unknown {
    const copy = structuredClone(doc);
    const all = paths(copy);
    const target = all[e.pick % all.length]!;
    if (target.length === 0) return e.kind === 'set' ? e.value : copy;
    const parentPath = target.slice(0, -1);
    const last = target.at(-1)!;
    let parent = copy as Record<string | number, unknown>;
    for (const step of parentPath) parent = parent[step] as Record<string | number, unknown>;
    if (e.kind === 'set') parent[last] = e.value;
    else if (e.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else if (e.kind === 'add' || e.kind === 'rename') {
      const holder = (parent[last] !== null && typeof parent[last] === 'object' && !Array.isArray(parent[last]) ? parent[last] : parent) as Record<string, unknown>;
      if (Array.isArray(holder)) return copy;
      if (e.kind === 'rename' && typeof last === 'string' && holder === parent) {
        const moved = parent[last];
        delete parent[last];
        Object.defineProperty(parent, e.key, { value: moved, enumerable: true, writable: true, configurable: true });
      } else {
        // defineProperty: an own "__proto__" key, as JSON.parse and js-yaml make it
        Object.defineProperty(holder, e.key, { value: e.value, enumerable: true, writable: true, configurable: true });
      }
    }
    return copy;
  }

  const documents = DATA_FILES.flatMap(({ file, text }) => {
    try {
      const data = load(text);
      return schemasFor(file).map((schema) => ({ file: path.relative(ROOT, file), schema, data }));
    } catch {
      return [];
    }
  }).filter(({ data }) => data !== null && typeof data === 'object');

  it('agrees with zod on documents given one to three random edits', () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(edit, { minLength: 1, maxLength: 3 }), (which, edits) => {
        const { schema, data } = documents[which % documents.length]!;
        agrees(schema, edits.reduce(apply, data));
      }),
      { numRuns: LONG ? 60_000 : 1_500, seed: 20_261_204 },
    );
  });

  it('agrees with zod on example texts damaged as hand edits damage them', () => {
    const rand = random(11);
    const texts = DATA_FILES.filter(({ file }) => file.includes(`${path.sep}examples${path.sep}`));
    let compared = 0;
    for (let i = 0; i < (LONG ? 20_000 : 600); i++) {
      const { file, text } = texts[Math.floor(rand() * texts.length)]!;
      let data: unknown;
      try {
        data = load(damage(text, rand));
      } catch {
        continue;
      }
      for (const schema of schemasFor(file)) agrees(schema, data);
      compared++;
    }
    expect(compared).toBeGreaterThan(LONG ? 5_000 : 150);
  });
});

describe('the verdict-only reading on constructs the data schemas do not use yet', () => {
  const Trimmed = z.string().trim().min(1);
  const cases: [string, z.ZodType][] = [
    ['an object that drops unknown keys', z.object({ a: z.string(), b: z.number().int().optional() })],
    ['a loose object', z.looseObject({ a: z.string() })],
    ['a nullable in a strict object', z.strictObject({ a: z.string().nullable(), b: z.array(z.boolean()).min(1).max(2) })],
    ['a nullable', z.string().nullable()],
    ['a default', z.strictObject({ a: z.string().default('x'), b: z.number().optional() })],
    ['an exact optional', z.strictObject({ a: z.string().exactOptional() })],
    ['a union of shapes', z.union([z.number(), z.strictObject({ score: z.number(), evidence: z.string() })])],
    ['a discriminated union', z.discriminatedUnion('k', [z.strictObject({ k: z.literal('a'), n: z.number() }), z.strictObject({ k: z.literal('b') })])],
    ['an exclusive union', z.xor([z.string(), z.string().min(2)])],
    ['a transform in a pipe', z.strictObject({ a: z.string().transform((s) => s.length).pipe(z.number().max(3)) })],
    ['an optional piped into a required', z.strictObject({ a: z.string().optional().pipe(z.string()) })],
    ['a record', z.record(z.string(), z.number())],
    [
      // The refinement sees the trimmed name, as zod gives it: " tbd " is "tbd" to it.
      'a refinement that reads trimmed values',
      z.strictObject({ name: Trimmed, kind: z.string().optional() }).superRefine((v, ctx) => {
        if (v.name !== 'tbd' && v.kind === undefined) ctx.addIssue({ code: 'custom', message: 'kind', path: ['kind'] });
      }),
    ],
    ['a refinement on an array', z.array(Trimmed).refine((list) => new Set(list).size === list.length)],
    [
      'a check with a condition',
      z.strictObject({ a: z.string(), b: z.string().optional() }).refine((v) => v.a === v.b, { when: (payload) => typeof (payload.value as { a?: unknown })?.a === 'string' }),
    ],
    ['a lazy recursive list', z.lazy((): z.ZodType => z.union([z.number(), z.array(z.lazy(() => z.number()))]))],
  ];
  const anything = fc.oneof(
    fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true }),
    fc.constantFrom(
      { name: ' tbd ' },
      { name: 'tbd' },
      { name: 'Durban' },
      { name: 'Durban', kind: 'city' },
      { a: 'x', b: [true] },
      { a: null, b: [true, false, true] },
      { a: undefined, b: [true] },
      { b: [true] },
      undefined,
      null,
      { a: 'x' },
      {},
      { k: 'a', n: 1 },
      { k: 'b' },
      { score: 1, evidence: 'e' },
      ['a', ' a'],
      ['a', 'b'],
      [1, [2, 3]],
      { a: 'abc' },
      { a: 'abcd' },
      { a: 'x', b: 'x' },
    ),
  );

  it.each(cases)('%s', (_, schema) => {
    fc.assert(
      fc.property(anything, (v) => agrees(schema, v)),
      { numRuns: LONG ? 20_000 : 300, seed: 7 },
    );
  });

  it('leaves an asynchronous check to zod, which refuses to run it synchronously', () => {
    const schema = z.strictObject({ a: z.string().refine(async () => true) });
    expect(zodAccepts(schema, { a: 'x' })).toBe(false);
    expect(() => schema.safeParse({ a: 'x' })).toThrow();
  });
});
