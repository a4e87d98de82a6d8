// A method: the stages a programme moves its partnerships through, the gate of each stage, the
// health limits and the rating criteria. It is data (methods/<name>.yaml), read and checked once
// per command; nothing in the code names a stage.
import * as z from 'zod';
import { Slug } from './primitives.js';

/** The languages a stage or criterion is named in: the programme's three, and Portuguese where given. */
export const NAME_LOCALES = ['en', 'es', 'fr', 'pt'] as const;
export type NameLocale = (typeof NAME_LOCALES)[number];

/**
 * The checks a gate may be made of, with the parameters each takes (required first). They are
 * implemented in src/roadmap/checks.ts; a method file picks from them and cannot add its own.
 */
export const CHECKS = {
  /** Every path holds a value: text that is not blank, a list with a non-blank item, a number, a date. */
  present: { required: ['path'], optional: ['except'] },
  /** The value at the path is `true`. */
  confirmed: { required: ['path'], optional: [] },
  /** The value at the path is a real calendar date. */
  date: { required: ['path'], optional: [] },
  /** The number at the path is at least `min`. */
  at_least: { required: ['path', 'min'], optional: [] },
  /** The list at the path has between `min` and `max` items. */
  count: { required: ['path'], optional: ['min', 'max'] },
  /** An approval of `side` with its body and date, in agreement.approvals. */
  approval: { required: ['side'], optional: [] },
  /** At least `min` session files logged. */
  sessions: { required: ['min'], optional: [] },
  /** An evaluation with its date and a rating for every criterion of the method. */
  ratings: { required: [], optional: [] },
  /** A task-force member of `side` marked lead. */
  lead: { required: ['side'], optional: [] },
  /** Every target with an indicator and a due date. */
  targets_complete: { required: [], optional: [] },
} as const satisfies Record<string, { required: readonly string[]; optional: readonly string[] }>;

export type CheckName = keyof typeof CHECKS;
export const CHECK_NAMES = Object.keys(CHECKS) as CheckName[];
export const CHECK_PARAMS = ['path', 'except', 'min', 'max', 'side'] as const;

export const LIMIT_NAMES = ['mentoring_months', 'session_gap_days', 'technical_per_political', 'max_targets', 'stall_days', 'suspended_days'] as const;
export type LimitName = (typeof LIMIT_NAMES)[number];
export type Limits = Record<LimitName, number>;

/** The health limits a method may leave out, and their values then. */
export const DEFAULT_LIMITS: Limits = {
  mentoring_months: 15,
  session_gap_days: 120,
  technical_per_political: 1,
  max_targets: 5,
  stall_days: 180,
  suspended_days: 180,
};

// The file as written. Values whose mistakes have their own MTR08x code (the check's name, the
// limits, the order) are read loosely here and checked in src/check/method.ts. The schema is built
// on first use: a command on a built-in method that was checked at build time never needs it, and
// building it cost a few milliseconds of every start.
function buildMethodFileSchema() {
  const Text = z.string().trim().min(1, { error: 'must not be empty' });
  const Names = z.strictObject({ en: Text, es: Text, fr: Text, pt: Text.optional() });

  const RequirementFile = z.strictObject({
    id: Text.describe('Stable name of the requirement, such as "request.date"'),
    check: z.string().describe(`One of: ${CHECK_NAMES.join(', ')}`),
    label: Text.describe('What is required, in words a programme officer understands'),
    field: Text.optional().describe('Where to record it: a path in partnership.yaml, or "sessions/"; the path by default'),
    entry_only: z.boolean().optional().describe('Checked when entering the stage only; once there, health checks take over'),
    path: z.union([Text, z.array(Text).min(1)]).optional().describe('A field of partnership.yaml, such as "request.date" (or a list of them)'),
    except: Text.optional().describe('A value that does not count as present, such as "tbd"'),
    min: z.number().int().nonnegative().optional(),
    max: z.number().int().nonnegative().optional(),
    side: z.enum(['mentor', 'mentee', 'lga', 'programme']).optional(),
  });

  const StageFile = z.strictObject({
    id: Slug.describe('The stage id written in partnership.yaml'),
    names: Names.describe('The stage name in each language'),
    after: z.union([z.string(), z.array(z.string()).min(1)]).optional().describe(
      'The stage(s) this one follows; the stage listed before it by default. Stages that follow the same stages may come in either order',
    ),
    mentoring: z.boolean().optional().describe('The stage of the mentoring itself: sessions are expected from here on, and its length is limited'),
    terminal: z.boolean().optional().describe('Entering this stage closes the partnership'),
    gate: z.array(RequirementFile).optional().describe('What must be recorded before a partnership may enter this stage'),
  });

  const Criterion = z.strictObject({ id: Slug, names: Names });

  return z
    .strictObject({
      name: Slug.describe('The method\'s name, as mentor.yaml\'s "method:" gives it'),
      title: Text.describe('The method in words, such as "UCLG city-to-city mentoring"'),
      source: Text.optional().describe('The published manual or guidelines the method follows'),
      stages: z.array(StageFile).min(2, { error: 'a method has at least two stages' }),
      limits: z.strictObject(Object.fromEntries(LIMIT_NAMES.map((name) => [name, z.unknown().optional()])) as Record<LimitName, z.ZodOptional<z.ZodUnknown>>).optional().describe('Health limits; any left out take their defaults'),
      ratings: z
        .strictObject({
          description: Text.optional().describe('The criteria in words, for the exported JSON Schema and the documents'),
          scale: z.strictObject({ min: z.number().int(), max: z.number().int() }),
          criteria: z.array(Criterion).min(1),
        })
        .describe('The evaluation criteria and the scale of their ratings'),
    })
    .describe('A mentor method: stages, gates, health limits and rating criteria');
}

let methodFile: ReturnType<typeof buildMethodFileSchema> | undefined;

/** The schema of methods/<name>.yaml. */
export function methodFileSchema(): ReturnType<typeof buildMethodFileSchema> {
  methodFile ??= buildMethodFileSchema();
  return methodFile;
}

export type MethodFile = z.infer<ReturnType<typeof buildMethodFileSchema>>;
export type RequirementFile = NonNullable<MethodFile['stages'][number]['gate']>[number];
export type RequirementSpec = Omit<RequirementFile, 'check'> & { check: CheckName; field: string; paths: string[] };
export type Names = MethodFile['stages'][number]['names'];

/** One stage of a method, with its place in the order. */
export interface MethodStage {
  id: string;
  names: Names;
  /** Its position: stages that may come in either order share one. */
  rank: number;
  mentoring: boolean;
  terminal: boolean;
  gate: RequirementSpec[];
}

/** A method as checked and resolved: what the roadmap, the checks and the documents read. */
export interface Method {
  name: string;
  title: string;
  source?: string;
  /** Where it was read from: a path in the repository, or in mentor's package when `builtIn`. */
  file: string;
  builtIn?: boolean;
  /** In the order written; the first is where every partnership starts. */
  stages: MethodStage[];
  limits: Limits;
  ratings: { description?: string; scale: { min: number; max: number }; criteria: { id: string; names: Names }[] };
  /** partnership.yaml under this method: its stages and criteria (src/model/method-schema.ts). */
  schema: z.ZodType;
}

/** The name of a stage in a language, with the English name where the language has none. */
export function stageName(method: Method, stage: string, locale: string): string {
  const found = method.stages.find((s) => s.id === stage);
  if (!found) return stage;
  return (found.names as Record<string, string | undefined>)[locale] ?? found.names.en;
}
