// View models of the partnership documents: every figure computed and every value formatted for
// the document's language here, so templates only choose where things go.
import { numberVisits, stageEnteredOn } from '../roadmap/index.js';
import { directionOf } from './dac.js';
import { evaluationView } from './evaluation-view.js';
import type { Localizer } from './locale.js';
import { cap, counts, milestoneRows, partyView, periodRows, plannedView, sessionRows, targetRows, type DocumentInput, type Dress } from './parts.js';
import { ganttChart, svgTimeline, timelineLegend } from './timeline.js';
import { torView } from './tor-view.js';

export const DOCUMENT_KINDS = ['tor', 'roadmap', 'evaluation'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

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

/** What every document prints around its content: brand, illustrative line, footer texts. */
export function dressView(dress: Dress | undefined, l: Localizer) {
  return {
    accent: dress?.colour && /^#[0-9a-fA-F]{6}$/.test(dress.colour) ? dress.colour : null,
    logo: dress?.logo && /^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/=]+$/.test(dress.logo) ? dress.logo : null,
    illustrative: dress?.illustrative !== undefined ? l.t('doc.illustrative', { source: dress.illustrative }) : null,
    illustrativeShort: l.t('doc.illustrativeShort'),
    page: l.t('print.page'),
    of: l.t('print.of'),
  };
}

function baseView(kind: DocumentKind, { partnership: p, sessions, programme, today, dress }: DocumentInput, l: Localizer) {
  const entered = stageEnteredOn(p);
  const direction = directionOf(p.direction === 'triangular' ? undefined : p.direction, p.mentor.country, p.mentee.country);
  const numbered = numberVisits(sessions, today);
  return {
    lang: l.lang,
    kind,
    heading: l.t(`doc.${kind}`),
    footer: `${l.t(`doc.short.${kind}`)} · ${p.title}`,
    id: p.id,
    title: p.title,
    programme: programme ?? null,
    dress: dressView(dress, l),
    draft: null as string | null,
    // The ToR does not depend on the date; the other documents say which date they describe.
    asOf: kind === 'tor' ? null : l.date(today),
    mentor: partyView(p.mentor, l),
    mentee: partyView(p.mentee, l),
    stage: { id: p.stage, name: l.stage(p.stage), since: entered ? l.date(entered) : null },
    status: { id: p.status, name: cap(l.t(`status.${p.status}`)) },
    direction: cap(p.direction === 'triangular' ? l.t('direction.triangular') : direction ? l.t(`direction.${direction}`) : l.t('direction.unknown')),
    targets: targetRows(p, today, l),
    sessions: sessionRows(numbered, l),
    focus: p.focus && p.focus.length > 0 ? p.focus.join(', ') : null,
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
    timeline: svgTimeline(p, numbered, today, l, 'wide'),
    timelineNarrow: svgTimeline(p, numbered, today, l, 'narrow'),
    legend: timelineLegend(l, { targets: (p.targets ?? []).length > 0, milestones: (p.milestones ?? []).length > 0, planned: (p.sessions_planned ?? []).some((s) => s.date > today) }),
  };
}

export type { DocumentInput, Dress };
