// The dated items of partnerships as all-day calendar events. Pure: data in, events out.
import type { Partnership } from '../model/partnership.js';
import type { Session } from '../model/session.js';
import type { Lang } from '../render/format.js';
import { translator } from '../render/locale.js';
import { slugify } from '../util/text.js';
import { addDaysTo } from '../util/dates.js';
import type { IcsEvent } from './ics.js';

/** A partnership with its sessions, each known by its file name without ".yaml" (its stable key). */
export interface CalendarSource {
  partnership: Partnership;
  sessions: { stem: string; session: Session }[];
}

export type CalendarItemKind = 'session' | 'planned' | 'target' | 'milestone' | 'action';

type OwnLabel = CalendarItemKind | 'owner' | 'outcomes' | 'done' | 'open' | 'dropped';

// The document strings (render/locales) have the rest; these only the calendar uses.
const LABELS: Record<Lang, Record<OwnLabel, string>> = {
  en: {
    session: 'Session', planned: 'Planned session', target: 'Target due', milestone: 'Milestone', action: 'Action due',
    owner: 'Owner', outcomes: 'Outcomes', done: 'done', open: 'open', dropped: 'dropped',
  },
  es: {
    session: 'Sesión', planned: 'Sesión prevista', target: 'Plazo de meta', milestone: 'Hito', action: 'Plazo de acción',
    owner: 'Responsable', outcomes: 'Resultados', done: 'cumplido', open: 'pendiente', dropped: 'abandonado',
  },
  pt: {
    session: 'Sessão', planned: 'Sessão prevista', target: 'Prazo de meta', milestone: 'Marco', action: 'Prazo de ação',
    owner: 'Responsável', outcomes: 'Resultados', done: 'concluído', open: 'pendente', dropped: 'abandonado',
  },
  fr: {
    session: 'Session', planned: 'Session prévue', target: 'Échéance de cible', milestone: 'Jalon', action: 'Échéance d’action',
    owner: 'Responsable', outcomes: 'Résultats', done: 'fait', open: 'en cours', dropped: 'abandonné',
  },
};

/** UIDs are built from facts that do not depend on where the repository lives, so a re-import updates. */
export function eventUid(id: string, kind: CalendarItemKind, key: string): string {
  return `${id}/${kind}/${key}@mentor`;
}

/**
 * Keys from titles, made unique within a list: a title that appears once keys on its slug alone
 * (so moving its date updates the event), repeated titles add their date.
 */
function titleKeys(items: readonly { title: string; date: string }[]): string[] {
  const slugs = items.map((item) => slugify(item.title, 64));
  const seen = new Map<string, number>();
  return slugs.map((slug, i) => {
    const repeated = slugs.filter((s) => s === slug).length > 1;
    const key = repeated ? `${items[i]!.date}-${slug}` : slug;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key}-${n}`;
  });
}

const lines = (...parts: (string | undefined | false)[]) => parts.filter((p): p is string => typeof p === 'string' && p !== '').join('\n');

/** Every dated item of one partnership as an all-day event, in date order. */
export function partnershipEvents(source: CalendarSource, lang: Lang, options: { withPartnership: boolean }): IcsEvent[] {
  const { partnership: p, sessions } = source;
  const l = LABELS[lang];
  const t = translator(lang);
  const suffix = options.withPartnership ? ` · ${p.title}` : '';
  // A summary is one line in every calendar application: line breaks in a title become spaces.
  const summary = (kind: CalendarItemKind, title: string) => `${l[kind]}: ${title}${suffix}`.replace(/\s*(?:\r\n|\r|\n)\s*/g, ' ');
  const events: IcsEvent[] = [];

  for (const { stem, session: s } of sessions) {
    events.push({
      uid: eventUid(p.id, 'session', stem),
      start: s.date,
      end: addDaysTo(s.end !== undefined && s.end > s.date ? s.end : s.date, 1),
      summary: summary('session', s.title),
      description: lines(
        `${t('label.type')}: ${t(`type.${s.type}`)} · ${t('label.level')}: ${t(`level.${s.level}`)} · ${t('label.host')}: ${t(`host.${s.host}`)}`,
        s.summary,
        s.outcomes && s.outcomes.length > 0 && `${l.outcomes}:\n${s.outcomes.map((o) => `- ${o}`).join('\n')}`,
        p.title,
      ),
      ...(s.location && { location: s.location }),
      categories: [l.session],
      status: 'CONFIRMED',
    });
    const actions = (s.actions ?? []).map((a) => ({ ...a, title: a.what, date: a.due }));
    titleKeys(actions).forEach((key, i) => {
      const a = actions[i]!;
      events.push({
        uid: eventUid(p.id, 'action', `${stem}/${key}`),
        start: a.due,
        end: addDaysTo(a.due, 1),
        summary: summary('action', a.what),
        description: lines(`${l.owner}: ${a.owner}`, `${t('label.status')}: ${l[a.status]}`, `${l.session}: ${s.title} (${s.date})`, p.title),
        categories: [l.action],
        ...(a.status === 'dropped' && { status: 'CANCELLED' as const }),
        transparent: true,
      });
    });
  }

  // A planned session that was held (a session logged on its date) is shown once, as held.
  const held = new Set(sessions.map((s) => s.session.date));
  const planned = p.sessions_planned ?? [];
  titleKeys(planned).forEach((key, i) => {
    const item = planned[i]!;
    if (held.has(item.date)) return;
    events.push({
      uid: eventUid(p.id, 'planned', key),
      start: item.date,
      end: addDaysTo(item.date, 1),
      summary: summary('planned', item.title),
      description: lines(item.host && `${t('label.host')}: ${t(`host.${item.host}`)}`, p.title),
      categories: [l.planned],
      status: 'TENTATIVE',
    });
  });

  for (const target of p.targets ?? []) {
    events.push({
      uid: eventUid(p.id, 'target', target.id),
      start: target.due,
      end: addDaysTo(target.due, 1),
      summary: summary('target', target.title),
      description: lines(`${t('label.indicator')}: ${target.indicator}`, `${t('label.status')}: ${t(`targetStatus.${target.status}`)}`, p.title),
      categories: [l.target],
      ...(target.status === 'dropped' && { status: 'CANCELLED' as const }),
      transparent: true,
    });
  }

  const milestones = (p.milestones ?? []).map((m) => ({ ...m, date: m.due }));
  titleKeys(milestones).forEach((key, i) => {
    const m = milestones[i]!;
    events.push({
      uid: eventUid(p.id, 'milestone', key),
      start: m.due,
      end: addDaysTo(m.due, 1),
      summary: summary('milestone', m.title),
      description: lines(m.done === true && `${t('label.status')}: ${l.done}`, p.title),
      categories: [l.milestone],
      transparent: true,
    });
  });

  return events.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
}
