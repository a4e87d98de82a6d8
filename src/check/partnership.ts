import type { PartnershipStatus, StageId } from '../model/constants.js';
import { factsOf, type PartnershipFacts, type SessionRecord } from '../model/facts.js';
import type { Method } from '../model/method.js';
import { problem, type Problem, type ProblemCode } from '../model/problem.js';
import type { PartnershipFolder, PathSegment, SourceFile } from '../model/source.js';
import { assessHealth, evaluateGate, forcedStages, isForward, isTerminal, stageEntries, stagesBehind, type History } from '../roadmap/index.js';
import { assessStalls } from '../roadmap/stall.js';
import { checkSchema } from './schema.js';
import { checkSessions } from './sessions.js';
import { checkText } from './text.js';

/** What checking one partnership folder found, and the facts the checks read (for the views that follow). */
export interface PartnershipCheck {
  problems: Problem[];
  /** The partnership's facts, when its file could be read as a mapping. */
  facts?: PartnershipFacts;
  /** Whether partnership.yaml passed the schema (its facts are then the whole file). */
  valid: boolean;
  sessions: SessionRecord[];
  /** The session files a gate counts as logged sessions. */
  sessionCount: number;
}

/** Every check of one partnership folder under a method: its files, their integrity, its gates and its health. */
export function checkPartnership(folder: PartnershipFolder, today: string, method: Method): PartnershipCheck {
  const problems: Problem[] = [...folder.layout];
  const source = folder.partnership;
  let facts: PartnershipFacts | undefined;
  let valid = false;
  if (source) {
    const schemaProblems = checkSchema(source, method.schema, 'a partnership');
    problems.push(...source.problems, ...schemaProblems, ...checkText(source));
    if (isMapping(source.data)) {
      valid = schemaProblems.length === 0;
      facts = valid ? (source.data as PartnershipFacts) : (factsOf(method.schema, source.data) as PartnershipFacts);
    }
  }
  const { problems: sessionProblems, sessions } = checkSessions(folder.sessions, facts);
  problems.push(...sessionProblems);
  const sessionCount = countSessionFiles(folder);
  if (!source || !facts) return { problems, valid, sessions, sessionCount };

  const report = (code: ProblemCode, path: PathSegment[], message: string, hint?: string, target: 'key' | 'value' = 'value') =>
    problems.push(problem(code, { file: source.file, ...source.locate(path, target) }, message, hint));

  // The raw id, not its facts: an id that is no slug is still compared with its folder.
  const id = (source.data as { id?: unknown }).id;
  if (typeof id === 'string' && id !== folder.id) {
    report('MTR020', ['id'], `the id "${id}" differs from its folder "${folder.id}"`, `set id: ${folder.id}, or rename the folder`);
  }
  checkHistory(method, facts, report);
  checkTargets(facts, report);
  checkGates(method, facts, sessionCount, report);
  for (const finding of assessHealth(method, facts, sessions.map((s) => s.session), today)) report(finding.code, finding.path, finding.message, finding.hint);
  for (const f of assessStalls(method, facts, sessions.map((s) => s.session), today)) {
    const where = f.session === undefined ? source : folder.sessions.find((s) => s.file === sessions[f.session!]!.file)!;
    problems.push(problem(f.code, { file: where.file, ...where.locate(f.path) }, f.message, f.hint));
  }
  return { problems, facts, valid, sessions, sessionCount };
}

const isMapping = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The sessions a gate counts: the session files that could be read as text (a link, a binary file is none). */
export function countSessionFiles(folder: PartnershipFolder): number {
  return folder.sessions.filter((s: SourceFile) => !s.problems.some((p) => p.code === 'MTR006')).length;
}

type Report = (code: ProblemCode, path: PathSegment[], message: string, hint?: string, target?: 'key' | 'value') => void;

function checkHistory(method: Method, p: PartnershipFacts, report: Report): void {
  const history = p.history ?? [];
  let previousDate: string | undefined;
  history.forEach((entry, index) => {
    const date = entry?.date;
    if (!entry || date === undefined) return;
    if (previousDate !== undefined && date < previousDate) {
      report('MTR030', ['history', index, 'date'], `history entry dated ${date} comes after one dated ${previousDate}`, 'keep history in date order, oldest first');
    }
    previousDate = date;
    const needsReason = entry.forced === true || entry.status === 'suspended' || entry.status === 'cancelled';
    if (needsReason && entry.reason === undefined) {
      report('MTR034', ['history', index], entry.forced === true ? 'a forced move without a reason' : `a change to "${String(entry.status)}" without a reason`, 'add reason: <why>');
    }
  });

  const entries = stageEntries(history);
  const last = entries.at(-1);
  if (p.stage !== undefined && last && last.stage !== p.stage) {
    report('MTR031', ['stage'], `stage is "${p.stage}" but the last stage entry of history is "${last.stage}"`, `add a history entry for "${p.stage}" (mentor advance records one), or correct the stage`);
  }
  entries.forEach((entry, i) => {
    const before = entries[i - 1];
    if (before && !entry.forced && !isForward(method, before.stage, entry.stage, history.slice(0, entry.index))) {
      report('MTR033', ['history', entry.index, 'stage'], `history moves from "${before.stage}" back to "${entry.stage}" without forced: true`, 'going back needs `mentor advance --to <stage> --force --reason <text>`');
    }
  });

  const expected = replayStatus(method, history);
  if (p.status !== undefined && expected !== p.status) {
    report('MTR032', ['status'], `status is "${p.status}" but the history leads to "${expected}"`, 'record status changes with mentor suspend, resume or cancel');
  }
}

/** The status a history leads to: entering the method's terminal stage closes, leaving it reopens, status entries set it. */
export function replayStatus(method: Method, history: History): PartnershipStatus {
  let status: PartnershipStatus = 'active';
  for (const entry of history ?? []) {
    if (!entry) continue;
    if (entry.status !== undefined) status = entry.status;
    else if (isTerminal(method, entry.stage)) status = 'closed';
    else if (entry.stage !== undefined && status === 'closed') status = 'active';
  }
  return status;
}

function checkTargets(p: PartnershipFacts, report: Report): void {
  const seen = new Set<string>();
  (p.targets ?? []).forEach((target, index) => {
    const id = target?.id;
    if (id === undefined) return;
    if (seen.has(id)) report('MTR044', ['targets', index, 'id'], `a second target with the id "${id}"`, 'give each target its own id');
    seen.add(id);
  });
}

function checkGates(method: Method, p: PartnershipFacts, sessionCount: number, report: Report): void {
  if (p.stage === undefined) return;
  const stage: StageId = p.stage;
  const forced = forcedStages(method, p.history);
  for (const gateStage of stagesBehind(method, stage, p.history)) {
    const gate = evaluateGate(method, gateStage, { partnership: p, sessionCount }, { entered: true });
    for (const requirement of gate.requirements.filter((r) => !r.met)) {
      const wasForced = forced.has(gateStage);
      const where = gateStage === stage ? `stage "${stage}"` : `stage "${stage}" is past the gate of "${gateStage}", which`;
      report(
        wasForced ? 'MTR051' : 'MTR050',
        ['stage'],
        `${where} needs ${requirement.label}${requirement.detail ? ` (${requirement.detail})` : ''}${wasForced ? '; it was entered with --force' : ''}`,
        requirement.field === 'sessions/' ? 'log a session with `mentor session add`' : `record ${requirement.field} in partnership.yaml`,
      );
    }
  }
}
