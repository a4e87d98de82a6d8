import { ProblemsError } from '../errors.js';
import type { PartnershipFacts } from '../model/facts.js';
import { partnershipFile } from '../model/layout.js';
import { evaluateGate, nextStage, type GateResult } from '../roadmap/index.js';
import { requireMethod } from './method.js';
import type { Repository } from '../store/repository.js';
import { checkInRepository, repositoryIds } from './check-folders.js';
import { folderReport } from './checked-write.js';
import { progressOf, type PartnershipProgress } from './progress.js';
import { sessionRows, type SessionRow } from './session.js';
import { summarizeFolder, type PartnershipSummary } from './summary.js';

export interface PartnershipDetail {
  summary: PartnershipSummary;
  /** The stage plain `advance` would enter, with its gate (for a partnership whose files pass validate). */
  next?: { stage: string; gate: GateResult };
  targets: { id: string; title: string; status: string; due: string }[];
  recentSessions: SessionRow[];
  /** Results against targets, and the actions past due. */
  progress: PartnershipProgress;
}

/** One partnership in detail: its summary, the gate of its next stage, its targets and recent sessions. */
export function partnershipStatus(repo: Repository, id: string, today: string, recent = 5): PartnershipDetail {
  repo.requirePartnership(id);
  const method = requireMethod(repo);
  const folder = repo.folder(id);
  const check = checkInRepository(folder, today, method, repositoryIds(repo));
  // A partnership.yaml that cannot be read as a partnership has nothing to show: validate's error.
  if (!check.facts) {
    const errors = check.problems.filter((p) => p.severity === 'error');
    throw new ProblemsError(`${partnershipFile(id)} cannot be read as a partnership`, folderReport(folder, errors));
  }
  const summary = summarizeFolder(folder, today, method, check);
  const p: PartnershipFacts = check.facts ?? {};
  const detail: PartnershipDetail = {
    summary,
    targets: (p.targets ?? []).map((t) => ({ id: t?.id ?? '?', title: t?.title ?? '', status: t?.status ?? '?', due: t?.due ?? '' })),
    recentSessions: sessionRows(check.sessions).slice(-recent),
    progress: progressOf(p, check.sessions, today),
  };
  // A gate is evaluated on a valid file only: on an invalid one it would blame the gate for the file.
  const stage = summary.errors === 0 && p.stage !== undefined ? nextStage(method, p.stage, p.history) : undefined;
  if (stage) detail.next = { stage, gate: evaluateGate(method, stage, { partnership: p, sessionCount: check.sessionCount }) };
  return detail;
}
