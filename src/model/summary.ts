import type { StageId } from './constants.js';
import type { Problem } from './problem.js';

/** One partnership at a glance: what `status` lists and the portfolio report shows. */
export interface PartnershipSummary {
  id: string;
  title: string;
  mentor: { name: string; country?: string };
  mentee: { name: string; country?: string };
  stage?: StageId;
  status?: string;
  /** When the current stage was entered, and how many days ago as of `today`. */
  stageEntered?: string;
  daysInStage?: number;
  /** Sessions held up to `today`. */
  sessions: number;
  technical: number;
  political: number;
  lastSession?: string;
  /** The earliest open item due from `today` on: a target, a milestone, a planned session or an action. */
  nextDue?: { date: string; what: string };
  /** Health warnings (and gate warnings) of the partnership. */
  warnings: Problem[];
  /** How many errors `validate` finds in the partnership's files. */
  errors: number;
  /** The direction the partnership states for itself, if any (south-south...). */
  direction?: string;
  /** The funders its funding records, each once. */
  funders?: string[];
}
