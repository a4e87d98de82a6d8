import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EXAMPLES, mentor, tempDir } from '../helpers/cli.js';

// The exported JSON Schemas, checked with a standard validator (ajv, draft-07) against the examples.

const KINDS = ['partnership', 'session', 'mentor'] as const;
type Kind = (typeof KINDS)[number];

const printed = Object.fromEntries(
  KINDS.map((kind) => {
    const run = mentor(['schema', '--kind', kind]);
    return [kind, run];
  }),
) as Record<Kind, ReturnType<typeof mentor>>;

const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const validators = new Map<Kind, ValidateFunction>();
const validatorOf = (kind: Kind) => {
  if (!validators.has(kind)) validators.set(kind, ajv.compile(JSON.parse(printed[kind].stdout) as object));
  return validators.get(kind)!;
};

const readYaml = (file: string) => parse(readFileSync(file, 'utf8'), { schema: 'core' }) as unknown;

/** Every data file of the examples with the kind of schema it follows. */
function exampleFiles(): [string, Kind][] {
  const files: [string, Kind][] = [['mentor.yaml', 'mentor']];
  for (const id of readdirSync(path.join(EXAMPLES, 'partnerships'))) {
    files.push([`partnerships/${id}/partnership.yaml`, 'partnership']);
    for (const session of readdirSync(path.join(EXAMPLES, 'partnerships', id, 'sessions'))) {
      files.push([`partnerships/${id}/sessions/${session}`, 'session']);
    }
  }
  return files;
}

describe('mentor schema', () => {
  it.each(KINDS)('--kind %s prints one draft-07 JSON Schema and exits 0', (kind) => {
    expect(printed[kind].code).toBe(0);
    const schema = JSON.parse(printed[kind].stdout) as Record<string, unknown>;
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.type).toBe('object');
    expect(() => validatorOf(kind)).not.toThrow();
  });

  it.each(KINDS)('pins the %s schema (snapshot)', async (kind) => {
    await expect(printed[kind].stdout).toMatchFileSnapshot(`./__snapshots__/${kind}.schema.json`);
  });

  it.each(KINDS)('examples/schema/%s.schema.json is the current output of mentor schema', (kind) => {
    expect(readFileSync(path.join(EXAMPLES, 'schema', `${kind}.schema.json`), 'utf8')).toBe(printed[kind].stdout);
  });

  it('without flags prints all three schemas in one JSON document', () => {
    const run = mentor(['schema']);
    expect(run.code).toBe(0);
    const all = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(all).sort()).toEqual(['mentor.schema.json', 'partnership.schema.json', 'session.schema.json']);
    for (const kind of KINDS) expect(all[`${kind}.schema.json`]).toEqual(JSON.parse(printed[kind].stdout));
  });

  it('--out writes one file per schema, equal to the printed ones', () => {
    const dir = path.join(tempDir(), 'schema');
    const run = mentor(['schema', '--out', dir]);
    expect(run.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['mentor.schema.json', 'partnership.schema.json', 'session.schema.json']);
    for (const kind of KINDS) expect(readFileSync(path.join(dir, `${kind}.schema.json`), 'utf8')).toBe(printed[kind].stdout);
  });
});

describe('the schemas and the examples', () => {
  it.each(exampleFiles())('%s is valid against the %s schema', (file, kind) => {
    const validate = validatorOf(kind);
    const valid = validate(readYaml(path.join(EXAMPLES, file)));
    expect(validate.errors ?? [], file).toEqual([]);
    expect(valid).toBe(true);
  });

  it.each(exampleFiles())("%s names an existing schema in its yaml-language-server comment", (file, kind) => {
    const first = readFileSync(path.join(EXAMPLES, file), 'utf8').split('\n')[0]!;
    const match = /^# yaml-language-server: \$schema=(.+)$/.exec(first);
    expect(match, first).not.toBeNull();
    const target = path.resolve(path.dirname(path.join(EXAMPLES, file)), match![1]!);
    expect(path.basename(target)).toBe(`${kind}.schema.json`);
    expect(existsSync(target)).toBe(true);
  });

  const lilongwe = () => readYaml(path.join(EXAMPLES, 'partnerships/johannesburg-lilongwe/partnership.yaml')) as Record<string, unknown>;
  const session = () => readYaml(path.join(EXAMPLES, 'partnerships/durban-alan/sessions/2011-03-01-task-force-and-roadmap-workshop.yaml')) as Record<string, unknown>;

  it.each<[string, Kind, () => unknown]>([
    ['a misspelt top-level key (stge)', 'partnership', () => {
      const { stage, ...rest } = lilongwe();
      return { ...rest, stge: stage };
    }],
    ['a misspelt nested key (contry)', 'partnership', () => {
      const p = lilongwe();
      const { country, ...mentee } = p.mentee as Record<string, unknown>;
      return { ...p, mentee: { ...mentee, contry: country } };
    }],
    ['an unknown stage', 'partnership', () => ({ ...lilongwe(), stage: 'launched' })],
    ['an unknown country code', 'partnership', () => ({ ...lilongwe(), mentee: { ...(lilongwe().mentee as object), country: 'XX' } })],
    ['a rating of 5', 'partnership', () => ({
      ...lilongwe(),
      evaluation: { date: '2011-07-29', ratings: { relevance: 5, coherence: 3, effectiveness: 3, efficiency: 3, impact: 3, sustainability: 3, ownership: 3 } },
    })],
    ['no history', 'partnership', () => {
      const p = lilongwe();
      delete p.history;
      return p;
    }],
    ['a misspelt session key (titel)', 'session', () => {
      const { title, ...rest } = session();
      return { ...rest, titel: title };
    }],
    ['an unknown session level', 'session', () => ({ ...session(), level: 'strategic' })],
    ['a misspelt key of mentor.yaml', 'mentor', () => ({ name: 'Programme', progamme: 'UCLG' })],
  ])('rejects %s', (_what, kind, data) => {
    const validate = validatorOf(kind);
    expect(validate(data())).toBe(false);
    expect(validate.errors?.length).toBeGreaterThan(0);
  });

  it('names the misspelt key among the errors', () => {
    const validate = validatorOf('partnership');
    const { stage, ...rest } = lilongwe();
    validate({ ...rest, stge: stage });
    expect(validate.errors).toEqual(expect.arrayContaining([expect.objectContaining({ keyword: 'additionalProperties', params: { additionalProperty: 'stge' } })]));
  });
});
