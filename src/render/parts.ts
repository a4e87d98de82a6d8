// The parts that several documents share: the typed input, and rows and figures formatted for
// the document's language.
import type { Method } from '../model/method.js';
import type { Partnership, Party } from '../model/partnership.js';
import type { Session } from '../model/session.js';
import { isTargetOverdue } from '../roadmap/index.js';
import { plannedAgainstHeld, sessionStats, stagePeriods, targetCounts, type NumberedSession } from './figures.js';
import { cap, type Localizer } from './locale.js';

export { cap };

/** How a repository dresses its documents (mentor.yaml branding and illustrative), already checked. */
export interface Dress {
  /** "#rrggbb" */
  colour?: string;
  /** The logo as a data: URL. */
  logo?: string;
  /** Set for an illustrative repository: where its data comes from. */
  illustrative?: string;
}

/** What every partnership document is built from. */
export interface DocumentInput {
  partnership: Partnership;
  /** The logged sessions, each with its file (visits are numbered by date, then file name). */
  sessions: { file: string; session: Session }[];
  /** The repository's programme, printed under every title. */
  programme?: string;
  /** YYYY-MM-DD: the date figures are computed for. */
  today: string;
  /** The repository's method: stage and criterion names, the mentoring stage, the rating scale. */
  method: Method;
  dress?: Dress;
}

export const DASH = '—';

export function partyView(party: Party, l: Localizer) {
  const contacts = (party.contacts ?? []).map((c) => `${c.name} — ${c.role}${c.email ? ` <${c.email}>` : ''}`);
  return {
    name: party.name,
    kind: party.kind ? cap(l.t(`kind.${party.kind}`)) : DASH,
    country: party.country ? l.country(party.country) : DASH,
    lga: party.lga ?? DASH,
    contacts: contacts.length > 0 ? contacts.join('\n') : DASH,
    /** "Name (Country)" for sentences and headers. */
    display: party.country ? `${party.name} (${l.country(party.country)})` : party.name,
  };
}

/** Targets with baseline → latest reading → target, as SPEC §6.2 asks. */
export function targetRows(p: Partnership, today: string, l: Localizer) {
  return (p.targets ?? []).map((t) => {
    const readings = [...(t.measurements ?? [])].filter((m) => m.date <= today).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const latest = readings.at(-1);
    return {
      id: t.id,
      title: t.title,
      indicator: t.indicator,
      baseline: t.baseline ?? DASH,
      target: t.target ?? DASH,
      latest: latest ? `${typeof latest.value === 'number' ? l.num(latest.value, 2) : latest.value} (${l.short(latest.date)})` : DASH,
      verification: t.verification ?? null,
      due: l.short(t.due),
      status: cap(l.t(`targetStatus.${t.status}`)),
      overdue: isTargetOverdue(t, today),
      result: [t.result, t.achieved ? l.short(t.achieved) : undefined].filter(Boolean).join(' — ') || DASH,
      achievedResult: t.result !== undefined || t.achieved !== undefined,
    };
  });
}

export function sessionRows(numbered: NumberedSession[], l: Localizer) {
  return numbered.map(({ number, session: s, daysSincePrevious }) => ({
    number: String(number),
    date: s.end ? l.range(s.date, s.end) : l.short(s.date),
    title: s.title,
    type: cap(l.t(`type.${s.type}`)),
    level: cap(l.t(`level.${s.level}`)),
    host: l.t(`host.${s.host}`),
    location: s.location ?? DASH,
    gap: daysSincePrevious === undefined ? DASH : l.num(daysSincePrevious),
  }));
}

export function periodRows(p: Partnership, today: string, l: Localizer) {
  return stagePeriods(p, today).map((period) => ({
    name: l.stage(period.stage),
    entered: l.short(period.entered),
    left: period.left ? l.short(period.left) : DASH,
    days: l.num(period.days),
    current: period.left === undefined,
    forced: period.forced,
  }));
}

export function milestoneRows(p: Partnership, today: string, l: Localizer) {
  return (p.milestones ?? []).map((m) => ({
    title: m.title,
    due: l.short(m.due),
    done: m.done === true,
    state: m.done === true ? l.t('label.done') : l.t('label.notDone'),
    overdue: m.done !== true && m.due < today,
  }));
}

export function plannedView(p: Partnership, sessions: Session[], today: string, l: Localizer) {
  const planned = plannedAgainstHeld(p, sessions, today);
  return {
    rows: planned.rows.map((r) => ({
      date: l.short(r.date),
      title: r.title,
      host: r.host ? l.t(`host.${r.host as 'mentor'}`) : DASH,
      state: cap(l.t(`planned.${r.state}`)),
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

export function counts(p: Partnership, today: string, l: Localizer) {
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

export function statsView(numbered: NumberedSession[], l: Localizer) {
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

/** The product with its dates; adjectives agree with the product's grammatical gender. */
export function productView(p: Partnership, l: Localizer) {
  if (!p.product) return null;
  const gender = l.gender(p.product.kind);
  return {
    kind: cap(l.t(`product.${p.product.kind}`)),
    title: p.product.title,
    adopted: p.product.adopted ? l.t(`tor.adopted.${gender}`, { date: l.date(p.product.adopted) }) : null,
    launched: p.product.launched ? l.t(`tor.launched.${gender}`, { date: l.date(p.product.launched) }) : null,
  };
}

