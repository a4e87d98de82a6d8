import { evaluateGate, nextStage, type GateResult } from '../roadmap/index.js';
import { countSessionFiles, requirePartnership } from '../store/partnership-file.js';
import { list, rec, str } from '../util/loose.js';
import { summarizeOne, summarizeRepository, summarizeRepositoryParallel, type PartnershipSummary } from './portfolio.js';
import { listSessions, type SessionRow } from './session.js';

export interface PartnershipDetail {
  summary: PartnershipSummary;
  /** The stage plain `advance` would enter, with its gate. */
  next?: { stage: string; gate: GateResult };
  targets: { id: string; title: string; status: string; due: string }[];
  recentSessions: SessionRow[];
}

/** The portfolio: every partnership summarised as of `today`. */
export function portfolioStatus(root: string, today: string): PartnershipSummary[] {
  return summarizeRepository(root, today);
}

/** The same, on every core for a large repository. */
export function portfolioStatusParallel(root: string, today: string, speed: Parameters<typeof summarizeRepositoryParallel>[2] = {}): Promise<PartnershipSummary[]> {
  return summarizeRepositoryParallel(root, today, speed);
}

/** One partnership in detail: its summary, the gate of its next stage, its targets and recent sessions. */
export function partnershipStatus(root: string, id: string, today: string, recent = 5): PartnershipDetail {
  requirePartnership(root, id);
  const summary = summarizeOne(root, id, today);
  const data = summary.data ?? {};
  const stage = summary.stage && nextStage(summary.stage, data.history);
  const detail: PartnershipDetail = {
    summary,
    targets: list(data.targets).map((raw) => {
      const t = rec(raw) ?? {};
      return { id: str(t.id) ?? '?', title: str(t.title) ?? '', status: str(t.status) ?? '?', due: str(t.due) ?? '' };
    }),
    recentSessions: listSessions(root, id).slice(-recent),
  };
  if (stage) detail.next = { stage, gate: evaluateGate(stage, { partnership: data, sessionCount: countSessionFiles(root, id) }) };
  return detail;
}
