// View models of the partnership documents: every figure computed and every value formatted for
// the document's language here, so templates only choose where things go.
import type { Partnership, Party } from '../model/partnership.js';
import type { Session } from '../model/session.js';
import type { Method } from '../model/method.js';
import { isTargetOverdue, mentoringStage, numberVisits, stageEnteredOn } from '../roadmap/index.js';
import { daysBetween } from '../util/dates.js';
import { directionOf } from './dac.js';
import {
  plannedAgainstHeld,
  sessionCosts,
  sessionStats,
  stagePeriods,
  targetCounts,
  totalsByCurrency,
  type NumberedSession,
} from './figures.js';
import type { Localizer } from './locale.js';
import { ganttChart, svgTimeline } from './timeline.js';

export const DOCUMENT_KINDS = ['tor', 'roadmap', 'evaluation'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** What every partnership document is built from. */
export interface DocumentInput {
  partnership: Partnership;
  /** The logged sessions, each with its file (visits are numbered by date, then file name). */
  sessions: { file: string; session: Session }[];
  /** The repository's programme or name, for the header. */
  programme?: string;
  /** YYYY-MM-DD: the date figures are computed for. */
  today: string;
  /** The repository's method: stage and criterion names, the mentoring stage, the rating scale. */
  method: Method;
}

const DASH = '—';

/** The view model of one document of one partnership. */
export function documentView(kind: DocumentKind, input: DocumentInput, l: Localizer): Record<string, unknown> {
  const base = baseView(kind, input, l);
  switch (kind) {
    case 'tor':
      return { ...base, ...torView(input, l) };
    case 'roadmap':
      return { ...base, ...roadmapView(input, l) };
    case 'evaluation':
      return { ...base, ...evaluationView(input, l) };
  }
}

function baseView(kind: DocumentKind, { partnership: p, sessions, programme, today }: DocumentInput, l: Localizer) {
  const entered = stageEnteredOn(p);
  const direction = directionOf(p.direction, p.mentor.country, p.mentee.country);
  const numbered = numberVisits(sessions, today);
  return {
    lang: l.lang,
    kind,
    heading: l.t(`doc.${kind}`),
    id: p.id,
    title: p.title,
    programme: programme ?? null,
    // The ToR does not depend on the date; the other documents say which date they describe.
    asOf: kind === 'tor' ? null : l.date(today),
    mentor: partyView(p.mentor, l),
    mentee: partyView(p.mentee, l),
    stage: { id: p.stage, name: l.stage(p.stage), since: entered ? l.date(entered) : null },
    status: { id: p.status, name: l.t(`status.${p.status}`) },
    direction: direction ? l.t(`direction.${direction}`) : l.t('direction.unknown'),
    targets: targetRows(p, today, l),
    sessions: sessionRows(numbered, l),
    focus: p.focus && p.focus.length > 0 ? p.focus.join(', ') : null,
  };
}

function partyView(party: Party, l: Localizer) {
  const contacts = (party.contacts ?? []).map((c) => `${c.name} — ${c.role}${c.email ? ` <${c.email}>` : ''}`);
  return {
    name: party.name,
    kind: party.kind ? l.t(`kind.${party.kind}`) : DASH,
    country: party.country ? l.country(party.country) : DASH,
    lga: party.lga ?? DASH,
    contacts: contacts.length > 0 ? contacts.join('\n') : DASH,
    /** "Name (Country)" for sentences and headers. */
    display: party.country ? `${party.name} (${l.country(party.country)})` : party.name,
  };
}

function targetRows(p: Partnership, today: string, l: Localizer) {
  return (p.targets ?? []).map((t) => ({
    id: t.id,
    title: t.title,
    indicator: t.indicator,
    baseline: t.baseline ?? DASH,
    due: l.short(t.due),
    status: l.t(`targetStatus.${t.status}`),
    overdue: isTargetOverdue(t, today),
    result: [t.result, t.achieved ? l.short(t.achieved) : undefined].filter(Boolean).join(' — ') || DASH,
  }));
}

function sessionRows(numbered: NumberedSession[], l: Localizer) {
  return numbered.map(({ number, session: s, daysSincePrevious }) => ({
    number: String(number),
    date: s.end ? l.range(s.date, s.end) : l.short(s.date),
    title: s.title,
    type: l.t(`type.${s.type}`),
    level: l.t(`level.${s.level}`),
    host: l.t(`host.${s.host}`),
    location: s.location ?? DASH,
    gap: daysSincePrevious === undefined ? DASH : l.num(daysSincePrevious),
  }));
}

function periodRows(p: Partnership, today: string, l: Localizer) {
  return stagePeriods(p, today).map((period) => ({
    name: l.stage(period.stage),
    entered: l.short(period.entered),
    left: period.left ? l.short(period.left) : DASH,
    days: l.num(period.days),
    current: period.left === undefined,
    forced: period.forced,
  }));
}

function milestoneRows(p: Partnership, today: string, l: Localizer) {
  return (p.milestones ?? []).map((m) => ({
    title: m.title,
    due: l.short(m.due),
    done: m.done === true,
    state: m.done === true ? l.t('label.done') : l.t('label.notDone'),
    overdue: m.done !== true && m.due < today,
  }));
}

function plannedView(p: Partnership, sessions: Session[], today: string, l: Localizer) {
  const planned = plannedAgainstHeld(p, sessions, today);
  return {
    rows: planned.rows.map((r) => ({
      date: l.short(r.date),
      title: r.title,
      host: r.host ? l.t(`host.${r.host as 'mentor'}`) : DASH,
      state: l.t(`planned.${r.state}`),
      missed: r.state === 'missed',
    })),
    counts: {
      planned: l.num(planned.planned),
      held: l.num(planned.held),
      missed: l.num(planned.missed),
      upcoming: l.num(planned.upcoming),
      unplanned: l.num(planned.unplanned),
    },
  };
}

function moneyRows(items: readonly { amount: number; currency: string }[], l: Localizer) {
  return totalsByCurrency(items).map((t) => ({ amount: l.money(t.amount, t.currency) }));
}

function fundingView(p: Partnership, l: Localizer) {
  const funding = p.funding ?? [];
  return {
    rows: funding.map((f) => ({ funder: f.funder, amount: l.money(f.amount, f.currency), note: f.note ?? DASH })),
    // One line of totals: amounts in different currencies are not added up.
    total: totalsByCurrency(funding).filter((t) => t.amount > 0).map((t) => l.money(t.amount, t.currency)).join('; ') || null,
  };
}

function counts(p: Partnership, today: string, l: Localizer) {
  const c = targetCounts(p.targets ?? [], today);
  return {
    any: c.total > 0,
    total: l.num(c.total),
    achieved: l.num(c.achieved),
    inProgress: l.num(c.inProgress),
    notStarted: l.num(c.notStarted),
    dropped: l.num(c.dropped),
    overdue: l.num(c.overdue),
  };
}

function statsView(numbered: NumberedSession[], l: Localizer) {
  const stats = sessionStats(numbered);
  return {
    any: stats.held > 0,
    held: l.num(stats.held),
    technical: l.num(stats.technical),
    political: l.num(stats.political),
    ratio: stats.ratio !== undefined ? `${l.num(stats.ratio, 1)} : 1` : stats.technical > 0 ? `${l.num(stats.technical)} : 0` : DASH,
    verdict: l.t(`verdict.${stats.verdict}`),
    hosting: {
      mentor: l.num(stats.hosting.mentor),
      mentee: l.num(stats.hosting.mentee),
      other: l.num(stats.hosting.other),
      remote: l.num(stats.hosting.remote),
    },
    gaps: stats.gaps
      ? { average: l.num(stats.gaps.average), shortest: l.num(stats.gaps.shortest), longest: l.num(stats.gaps.longest) }
      : null,
  };
}

const TEAM_SIDES = ['mentor', 'mentee', 'lga', 'programme'] as const;

function torView({ partnership: p, sessions, today }: DocumentInput, l: Localizer) {
  const approvals = p.agreement?.approvals ?? [];
  const terms = p.agreement?.terms;
  const numbered = numberVisits(sessions, today);
  const taskForce = p.task_force ?? [];
  const teams = TEAM_SIDES.map((side) => ({
    label: l.t(`team.${side}`),
    members: taskForce.filter((m) => m.side === side).map((m) => ({ name: m.name, role: m.organisation ? `${m.role}, ${m.organisation}` : m.role, lead: m.lead === true })),
  })).filter((team) => team.members.length > 0);
  return {
    approvals: approvals.map((a) => ({ side: l.t(`side.${a.side}`), body: a.body, date: l.short(a.date) })),
    pendingApprovals: (['mentor', 'mentee'] as const).filter((side) => !approvals.some((a) => a.side === side)).map((side) => l.t(`tor.approvalPending.${side}`)),
    request: p.request ? { date: l.date(p.request.date), from: p.request.from, topic: p.request.topic } : null,
    assessment: p.assessment
      ? { date: l.date(p.assessment.date), lga: p.assessment.lga, confirmed: p.assessment.interest_confirmed, summary: p.assessment.summary ?? null }
      : null,
    terms: terms
      ? {
          objectives: terms.objectives,
          scope: terms.scope ?? null,
          product: terms.product ?? null,
          months: l.num(terms.duration_months),
          evaluationMethod: terms.evaluation_method,
        }
      : null,
    product: productView(p, l),
    plannedProduct: terms?.product ?? null,
    budget: terms?.budget ? { amount: l.money(terms.budget.amount, terms.budget.currency), note: terms.budget.note ?? null } : null,
    stats: statsView(numbered, l),
    teams,
    funders: (p.funding ?? []).map((f) => f.funder),
    periods: periodRows(p, today, l),
    milestones: milestoneRows(p, today, l),
    planned: plannedView(p, sessions.map((r) => r.session), today, l),
    funding: fundingView(p, l),
    risks: (p.risks ?? []).map((r) => ({ risk: r.risk, mitigation: r.mitigation ?? DASH })),
    handover: p.handover ? { date: l.date(p.handover.date), owner: p.handover.owner, note: p.handover.note ?? null } : null,
  };
}

function productView(p: Partnership, l: Localizer) {
  if (!p.product) return null;
  return {
    kind: capitalise(l.t(`product.${p.product.kind}`)),
    title: p.product.title,
    adopted: p.product.adopted ? l.date(p.product.adopted) : null,
    launched: p.product.launched ? l.date(p.product.launched) : null,
  };
}

function roadmapView({ partnership: p, sessions, today }: DocumentInput, l: Localizer) {
  const numbered = numberVisits(sessions, today);
  return {
    periods: periodRows(p, today, l),
    targetCounts: counts(p, today, l),
    milestones: milestoneRows(p, today, l),
    planned: plannedView(p, sessions.map((r) => r.session), today, l),
    gantt: ganttChart(p, numbered, today, l),
    timeline: svgTimeline(p, numbered, today, l),
  };
}

function evaluationView({ partnership: p, sessions, today }: DocumentInput, l: Localizer) {
  const numbered = numberVisits(sessions, today);
  const entered = stageEnteredOn(p) ?? today;
  const mentoringSince = p.history.find((e) => e.stage === mentoringStage(l.method)?.id)?.date;
  const evaluation = p.evaluation;
  const criteria = l.method.ratings.criteria.map((c) => c.id);
  const top = l.method.ratings.scale.max;
  const score = (key: string) => (evaluation?.ratings as Record<string, number> | undefined)?.[key] ?? 0;
  const costs = sessionCosts(numbered);
  return {
    summary: {
      mentoringSince: mentoringSince ? l.date(mentoringSince) : null,
      entered: l.date(entered),
      days: l.num(daysBetween(entered, today)),
    },
    targetCounts: counts(p, today, l),
    stats: statsView(numbered, l),
    request: p.request ? { date: l.date(p.request.date), from: p.request.from, topic: p.request.topic } : null,
    assessmentSummary: p.assessment?.summary ?? null,
    product: productView(p, l),
    evaluation: evaluation
      ? {
          date: l.date(evaluation.date),
          ratings: criteria.map((key) => ({
            name: l.criterion(key),
            score: `${score(key)} / ${top}`,
            bar: '●'.repeat(score(key)) + '○'.repeat(Math.max(0, top - score(key))),
            width: Math.round((score(key) / top) * 100),
          })),
          average: l.num(criteria.reduce((sum, key) => sum + score(key), 0) / criteria.length, 1),
          findings: evaluation.findings ?? null,
        }
      : null,
    lessons: evaluation?.lessons ?? [],
    recommendations: evaluation?.recommendations ?? [],
    periods: periodRows(p, today, l),
    planned: plannedView(p, sessions.map((r) => r.session), today, l),
    fundingTotals: moneyRows(p.funding ?? [], l),
    costTotals: moneyRows(costs, l),
    handover: p.handover ? { date: l.date(p.handover.date), owner: p.handover.owner } : null,
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
