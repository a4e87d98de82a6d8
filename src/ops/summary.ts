import type { Method } from '../model/method.js';
import { checkPartnership, type PartnershipCheck } from '../check/partnership.js';
import type { PartnershipFolder } from '../model/source.js';
import type { PartnershipSummary } from '../model/summary.js';
import { daysInStage, levelCounts, nextDue, numberVisits, stageEnteredOn } from '../roadmap/index.js';
import type { Repository } from '../store/repository.js';
import { checkInRepository } from './check-folders.js';

export type { PartnershipSummary };

/** Summarise one partnership folder as of `today`, from the same check `validate` makes. */
export function summarizeFolder(folder: PartnershipFolder, today: string, method: Method, check: PartnershipCheck = checkPartnership(folder, today, method)): PartnershipSummary {
  const p = check.facts ?? {};
  const party = (value: { name?: string; country?: string } | undefined) => ({
    name: value?.name !== undefined && value.name.trim() !== '' ? value.name : '?',
    ...(value?.country !== undefined && { country: value.country }),
  });
  const held = numberVisits(check.sessions, today);
  const { technical, political } = levelCounts(held.map((v) => v.session));
  const entered = stageEnteredOn(p);
  const days = daysInStage(p, today);
  const due = nextDue(p, check.sessions, today);
  const lastSession = held.at(-1)?.session.date;
  return {
    id: folder.id,
    title: p.title !== undefined && p.title.trim() !== '' ? p.title : folder.id,
    mentor: party(p.mentor),
    mentee: party(p.mentee),
    ...(p.stage !== undefined && { stage: p.stage }),
    ...(p.status !== undefined && { status: p.status }),
    ...(entered !== undefined && { stageEntered: entered }),
    ...(days !== undefined && { daysInStage: days }),
    sessions: held.length,
    technical,
    political,
    ...(lastSession !== undefined && { lastSession }),
    ...(due && { nextDue: due }),
    warnings: check.problems.filter((pr) => pr.severity === 'warning'),
    errors: check.problems.filter((pr) => pr.severity === 'error').length,
    ...(p.direction !== undefined && { direction: p.direction }),
    ...(p.funding !== undefined && { funders: [...new Set(p.funding.flatMap((f) => (typeof f?.funder === 'string' && f.funder.trim() !== '' ? [f.funder] : [])))] }),
  };
}

/** Summaries of some partnerships, one folder at a time. */
export function summarizeFolders(repo: Repository, method: Method, ids: readonly string[], today: string, allIds: () => ReadonlySet<string>): PartnershipSummary[] {
  return ids.map((id) => {
    const folder = repo.folder(id);
    return summarizeFolder(folder, today, method, checkInRepository(folder, today, method, allIds));
  });
}
