import { PartnershipSchema } from '../model/partnership.js';
import { STATUSES, type PartnershipStatus, type StageId } from '../model/constants.js';
import {
  assessHealth,
  evaluateGate,
  forcedStages,
  isForward,
  isStageId,
  stageEntries,
  stagesBehind,
} from '../roadmap/index.js';
import type { PartnershipFiles } from '../store/repository.js';
import { locate, type SourceFile } from '../store/source.js';
import { isIsoDate } from '../util/dates.js';
import { list, rec, str, type Loose, type PathSegment } from '../util/loose.js';
import { problem, type Problem, type ProblemCode } from './problem.js';
import { checkSessions } from './sessions.js';
import { checkSchema } from './schema.js';
import { checkText } from './text.js';

/** Every check of one partnership folder: its files, their integrity, its gates and its health. */
export function checkPartnership(files: PartnershipFiles, today: string): Problem[] {
  const problems: Problem[] = [...files.layout];
  const source = files.partnership;
  if (source) problems.push(...source.problems, ...checkSchema(source, PartnershipSchema, 'a partnership'), ...checkText(source));
  const data = rec(source?.data);
  const partnership = source && data ? { source, data } : undefined;
  const { problems: sessionProblems, facts } = checkSessions(files.sessions, data);
  problems.push(...sessionProblems);
  if (!partnership) return problems;

  const report = (code: ProblemCode, path: PathSegment[], message: string, hint?: string, target: 'key' | 'value' = 'value') =>
    problems.push(problem(code, { file: partnership.source.file, ...locate(partnership.source, path, target) }, message, hint));

  if (typeof data!.id === 'string' && data!.id !== files.id) {
    report('MTR020', ['id'], `the id "${data!.id}" differs from its folder "${files.id}"`, `set id: ${files.id}, or rename the folder`);
  }
  checkHistory(data!, report);
  checkTargets(data!, report);
  checkGates(partnership, files.sessions.length, report);
  for (const finding of assessHealth(data!, facts, today)) report(finding.code, finding.path, finding.message, finding.hint);
  return problems;
}

type Report = (code: ProblemCode, path: PathSegment[], message: string, hint?: string, target?: 'key' | 'value') => void;

function checkHistory(p: Loose, report: Report): void {
  const history = list(p.history);
  let previousDate: string | undefined;
  history.forEach((raw, index) => {
    const entry = rec(raw);
    const date = entry?.date;
    if (!entry || !isIsoDate(date)) return;
    if (previousDate !== undefined && date < previousDate) {
      report('MTR030', ['history', index, 'date'], `history entry dated ${date} comes after one dated ${previousDate}`, 'keep history in date order, oldest first');
    }
    previousDate = date;
    const needsReason = entry.forced === true || entry.status === 'suspended' || entry.status === 'cancelled';
    if (needsReason && typeof entry.reason !== 'string') {
      report('MTR034', ['history', index], entry.forced === true ? 'a forced move without a reason' : `a change to "${String(entry.status)}" without a reason`, 'add reason: <why>');
    }
  });

  const entries = stageEntries(p.history);
  const last = entries.at(-1);
  if (isStageId(p.stage) && last && last.stage !== p.stage) {
    report('MTR031', ['stage'], `stage is "${p.stage}" but the last stage entry of history is "${last.stage}"`, `add a history entry for "${p.stage}" (mentor advance records one), or correct the stage`);
  }
  entries.forEach((entry, i) => {
    const before = entries[i - 1];
    if (before && !entry.forced && !isForward(before.stage, entry.stage, history.slice(0, entry.index))) {
      report('MTR033', ['history', entry.index, 'stage'], `history moves from "${before.stage}" back to "${entry.stage}" without forced: true`, 'going back needs `mentor advance --to <stage> --force --reason <text>`');
    }
  });

  const expected = replayStatus(history);
  if (typeof p.status === 'string' && (STATUSES as readonly string[]).includes(p.status) && expected !== p.status) {
    report('MTR032', ['status'], `status is "${p.status}" but the history leads to "${expected}"`, 'record status changes with mentor suspend, resume or cancel');
  }
}

/** The status a history leads to: entering closed closes, leaving closed reopens, status entries set it. */
export function replayStatus(history: unknown[]): PartnershipStatus {
  let status: PartnershipStatus = 'active';
  for (const raw of history) {
    const entry = rec(raw);
    if (!entry) continue;
    if (typeof entry.status === 'string' && (STATUSES as readonly string[]).includes(entry.status)) status = entry.status as PartnershipStatus;
    else if (entry.stage === 'closed') status = 'closed';
    else if (isStageId(entry.stage) && status === 'closed') status = 'active';
  }
  return status;
}

function checkTargets(p: Loose, report: Report): void {
  const seen = new Set<string>();
  list(p.targets).forEach((raw, index) => {
    const id = str(rec(raw)?.id);
    if (id === undefined) return;
    if (seen.has(id)) report('MTR044', ['targets', index, 'id'], `a second target with the id "${id}"`, 'give each target its own id');
    seen.add(id);
  });
}

function checkGates(partnership: { source: SourceFile; data: Loose }, sessionCount: number, report: Report): void {
  const { data } = partnership;
  if (!isStageId(data.stage)) return;
  const stage: StageId = data.stage;
  const forced = forcedStages(data.history);
  for (const gateStage of stagesBehind(stage, data.history)) {
    const gate = evaluateGate(gateStage, { partnership: data, sessionCount }, { entered: true });
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
