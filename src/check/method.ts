// A method file checked before anything is checked against it: its shape, then what the shape
// cannot say (a check mentor does not have, an order that loops, a limit that is no positive
// number), each problem with its line and column. A method with any error is not used at all.
import type * as z from 'zod';
import { factsOf, type Facts } from '../model/facts.js';
import {
  CHECK_NAMES,
  CHECK_PARAMS,
  CHECKS,
  DEFAULT_LIMITS,
  LIMIT_NAMES,
  methodFileSchema,
  type CheckName,
  type Limits,
  type Method,
  type MethodFile,
  type MethodStage,
  type RequirementFile,
  type RequirementSpec,
} from '../model/method.js';
import { partnershipSchemaFor } from '../model/method-schema.js';
import { PartnershipSchema } from '../model/partnership.js';
import { problem, type Problem, type ProblemCode } from '../model/problem.js';
import type { PathSegment, SourceFile } from '../model/source.js';
import { closest } from '../util/text.js';
import { checkSchema } from './schema.js';

/** A method file checked: its problems, and the method when it has no error. */
export interface MethodCheck {
  problems: Problem[];
  method?: Method;
}

type Report = (code: ProblemCode, path: PathSegment[], message: string, hint?: string, target?: 'key' | 'value') => void;
type StageFacts = NonNullable<Facts<MethodFile>['stages']>[number];

/** Check a method file and, when it has no error, resolve it into the method the roadmap reads. */
export function checkMethod(source: SourceFile): MethodCheck {
  const problems: Problem[] = [...source.problems, ...checkSchema(source, methodFileSchema(), 'a method')];
  const report: Report = (code, path, message, hint, target = 'value') =>
    problems.push(problem(code, { file: source.file, ...source.locate(path, target) }, message, hint));
  const facts = source.data === null || typeof source.data !== 'object' ? undefined : factsOf(methodFileSchema(), source.data);
  const stages = facts?.stages ?? [];
  const ranks = checkOrder(stages, report);
  stages.forEach((stage, index) => checkGate(stage, index, report));
  checkUnique(stages.map((s) => s?.id), (i) => ['stages', i, 'id'], 'stage', report);
  checkRoles(stages, ranks, report);
  const limits = checkLimits(source, report);
  const ratings = facts?.ratings;
  if (ratings?.scale?.min !== undefined && ratings.scale.max !== undefined && ratings.scale.min >= ratings.scale.max) {
    report('MTR084', ['ratings', 'scale'], `the rating scale runs from ${ratings.scale.min} to ${ratings.scale.max}`, 'min is below max, such as 1 to 4');
  }
  checkUnique((ratings?.criteria ?? []).map((c) => c?.id), (i) => ['ratings', 'criteria', i, 'id'], 'criterion', report);

  if (problems.some((p) => p.severity === 'error') || !ranks) return { problems };
  const file = source.data as MethodFile;
  const resolved: Omit<Method, 'schema'> = {
    name: file.name,
    title: file.title,
    ...(file.source !== undefined && { source: file.source }),
    file: source.file,
    stages: file.stages.map((stage, index): MethodStage => ({
      id: stage.id,
      names: stage.names,
      rank: ranks[index]!,
      mentoring: stage.mentoring === true,
      terminal: stage.terminal === true,
      gate: (stage.gate ?? []).map(resolveRequirement),
    })),
    limits: limits!,
    ratings: file.ratings,
  };
  return { problems, method: { ...resolved, schema: partnershipSchemaFor(resolved) } };
}

function resolveRequirement(r: RequirementFile): RequirementSpec {
  const paths = r.path === undefined ? [] : typeof r.path === 'string' ? [r.path] : r.path;
  const check = r.check as CheckName;
  return { ...r, check, paths, field: r.field ?? paths[0] ?? DEFAULT_FIELDS[check] };
}

/** Where a requirement without a path is recorded, for the hint under an unmet gate. */
const DEFAULT_FIELDS: Record<CheckName, string> = {
  present: '',
  confirmed: '',
  date: '',
  at_least: '',
  count: '',
  approval: 'agreement.approvals',
  sessions: 'sessions/',
  ratings: 'evaluation',
  lead: 'task_force',
  targets_complete: 'targets',
};

function checkGate(stage: StageFacts, index: number, report: Report): void {
  const gate = stage?.gate ?? [];
  checkUnique(gate.map((r) => r?.id), (i) => ['stages', index, 'gate', i, 'id'], `requirement of stage "${stage?.id ?? index + 1}"`, report);
  gate.forEach((requirement, i) => {
    if (!requirement?.check) return;
    const at: PathSegment[] = ['stages', index, 'gate', i];
    if (!(CHECK_NAMES as string[]).includes(requirement.check)) {
      const guess = closest(requirement.check, CHECK_NAMES);
      report('MTR080', [...at, 'check'], `"${requirement.check}" is not a check mentor has`, guess ? `did you mean "${guess}"?` : `the checks are: ${CHECK_NAMES.join(', ')}`);
      return;
    }
    const spec = CHECKS[requirement.check as CheckName];
    const allowed: readonly string[] = [...spec.required, ...spec.optional];
    for (const param of spec.required) {
      if ((requirement as Record<string, unknown>)[param] === undefined) report('MTR085', at, `the check "${requirement.check}" needs "${param}"`, undefined, 'key');
    }
    for (const param of CHECK_PARAMS) {
      if ((requirement as Record<string, unknown>)[param] !== undefined && !allowed.includes(param)) {
        report('MTR085', [...at, param], `the check "${requirement.check}" takes no "${param}"`, allowed.length > 0 ? `it takes: ${allowed.join(', ')}` : 'it takes no parameters', 'key');
      }
    }
    if (requirement.min !== undefined && requirement.max !== undefined && requirement.min > requirement.max) {
      report('MTR085', [...at, 'min'], `min ${requirement.min} is above max ${requirement.max}`);
    }
    const paths = requirement.path === undefined ? [] : typeof requirement.path === 'string' ? [requirement.path] : requirement.path;
    paths.forEach((path, p) => {
      if (path !== undefined && !isPartnershipField(path)) {
        report('MTR085', typeof requirement.path === 'string' ? [...at, 'path'] : [...at, 'path', p], `"${path}" is not a field of partnership.yaml`, 'write a path of keys joined by dots, such as "request.date"');
      }
    });
  });
}

/** The rank of each stage (stages of one rank may come in either order), or undefined when the order is broken. */
function checkOrder(stages: (StageFacts | undefined)[], report: Report): number[] | undefined {
  const index = new Map<string, number>();
  stages.forEach((s, i) => s?.id !== undefined && !index.has(s.id) && index.set(s.id, i));
  let broken = false;
  const before: number[][] = stages.map((stage, i) => {
    const after = stage?.after;
    if (after === undefined) return i === 0 ? [] : [i - 1];
    const names = typeof after === 'string' ? [after] : after;
    if (i === 0) {
      report('MTR083', ['stages', 0, 'after'], 'the first stage starts the roadmap and follows no stage', 'remove "after", or list this stage later');
      broken = true;
    }
    return names.flatMap((name, n) => {
      const found = name === undefined ? undefined : index.get(name);
      if (found === undefined) {
        const guess = name === undefined ? undefined : closest(name, [...index.keys()]);
        report('MTR081', typeof after === 'string' ? ['stages', i, 'after'] : ['stages', i, 'after', n], `"${String(name)}" is not a stage of this method`, guess ? `did you mean "${guess}"?` : `the stages are: ${[...index.keys()].join(', ')}`);
        broken = true;
        return [];
      }
      return [found];
    });
  });
  if (broken) return undefined;

  // Longest path from the first stage; a stage met again while being ranked closes a cycle.
  const ranks: (number | undefined)[] = stages.map(() => undefined);
  const visiting = new Set<number>();
  const rankOf = (i: number): number | undefined => {
    if (ranks[i] !== undefined) return ranks[i];
    if (visiting.has(i)) return undefined;
    visiting.add(i);
    let rank = 0;
    for (const b of before[i]!) {
      const r = rankOf(b);
      if (r === undefined) return undefined;
      rank = Math.max(rank, r + 1);
    }
    visiting.delete(i);
    ranks[i] = rank;
    return rank;
  };
  for (let i = 0; i < stages.length; i++) {
    if (rankOf(i) === undefined) {
      report('MTR083', ['stages', i, 'after'], `the order of stages has a cycle through "${stages[i]?.id ?? i + 1}"`, 'each stage follows stages listed before it');
      return undefined;
    }
  }
  // Every stage follows all the stages of the step before it: a sequence of stages and groups.
  const done = ranks as number[];
  for (let i = 1; i < stages.length; i++) {
    const previous = done.map((r, j) => (r === done[i]! - 1 ? j : -1)).filter((j) => j >= 0);
    const own = new Set(before[i]);
    if (previous.length !== own.size || previous.some((j) => !own.has(j))) {
      report(
        'MTR083',
        ['stages', i, stages[i]?.after === undefined ? 'id' : 'after'],
        `"${stages[i]?.id}" should follow every stage of the step before it (${previous.map((j) => stages[j]?.id).join(', ')})`,
        'stages that may come in either order follow the same stages, and the next stage follows all of them',
      );
      return undefined;
    }
  }
  return done;
}

function checkRoles(stages: (StageFacts | undefined)[], ranks: number[] | undefined, report: Report): void {
  for (const role of ['mentoring', 'terminal'] as const) {
    const marked = stages.map((s, i) => (s?.[role] === true ? i : -1)).filter((i) => i >= 0);
    for (const i of marked.slice(1)) report('MTR087', ['stages', i, role], `a second stage marked ${role}: true ("${stages[marked[0]!]?.id}" is one)`, 'mark one stage only', 'key');
  }
  if (!ranks) return;
  const last = Math.max(...ranks);
  stages.forEach((s, i) => {
    if (s?.terminal === true && (ranks[i] !== last || ranks.filter((r) => r === last).length > 1)) {
      report('MTR087', ['stages', i, 'terminal'], `the terminal stage "${s.id}" is not the last step of the order`, 'the stage that closes a partnership comes after every other', 'key');
    }
  });
}

function checkLimits(source: SourceFile, report: Report): Limits | undefined {
  const given = (source.data as { limits?: unknown } | null | undefined)?.limits;
  const limits: Limits = { ...DEFAULT_LIMITS };
  if (given === null || typeof given !== 'object' || Array.isArray(given)) return limits;
  let ok = true;
  for (const name of LIMIT_NAMES) {
    if (!Object.hasOwn(given, name)) continue;
    const value = (given as Record<string, unknown>)[name];
    const whole = name !== 'technical_per_political';
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || (whole && !Number.isInteger(value))) {
      report('MTR084', ['limits', name], `the limit ${name} is ${JSON.stringify(value)}, not a positive ${whole ? 'whole number' : 'number'}`, `such as ${DEFAULT_LIMITS[name]}`);
      ok = false;
    } else limits[name] = value;
  }
  return ok ? limits : undefined;
}

function checkUnique(ids: (string | undefined)[], at: (i: number) => PathSegment[], what: string, report: Report): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (id === undefined) return;
    if (seen.has(id)) report('MTR082', at(i), `a second ${what} with the id "${id}"`, 'give each its own id');
    seen.add(id);
  });
}

type Def = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType; in?: z.ZodType };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Whether a dotted path names a field of partnership.yaml (through mappings; a list ends the path). */
export function isPartnershipField(path: string): boolean {
  let schema: z.ZodType = PartnershipSchema;
  for (const key of path.split('.')) {
    let def = defOf(schema);
    while (def.innerType || def.in) {
      schema = def.innerType ?? def.in!;
      def = defOf(schema);
    }
    const child = def.type === 'object' && def.shape && Object.hasOwn(def.shape, key) ? def.shape[key] : undefined;
    if (!child) return false;
    schema = child;
  }
  return true;
}
