import { Direction as DirectionSchema } from '../model/enums.js';
import type { PartnershipSummary } from '../model/summary.js';
import { DAC_LIST_EDITION, directionOf, type Direction } from './dac.js';
import { cap, type Localizer } from './locale.js';
import type { StringKey } from './locales/en.js';
import type { Dress } from './parts.js';
import { dressView } from './view.js';

const DIRECTIONS = ['south-south', 'north-south', 'south-north', 'north-north', 'triangular'] as const;

/** The view model of the portfolio: every partnership on one line, then counts by stage, direction, country and funder. */
export function portfolioView(summaries: readonly PartnershipSummary[], programme: string | undefined, today: string, l: Localizer, dress?: Dress) {
  const directions = new Map<string, Direction | 'triangular' | undefined>();
  const rows = summaries.map((s) => {
    const stated = DirectionSchema.safeParse(s.direction);
    const direction = stated.success && stated.data === 'triangular' ? 'triangular' : directionOf(stated.success && stated.data !== 'triangular' ? stated.data : undefined, s.mentor.country, s.mentee.country);
    directions.set(s.id, direction);
    const party = (p: { name: string; country?: string }) => (p.country ? `${p.name} (${l.country(p.country)})` : p.name);
    return {
      id: s.id,
      title: s.title,
      mentor: party(s.mentor),
      mentee: party(s.mentee),
      direction: cap(direction ? l.t(`direction.${direction}`) : l.t('direction.unknown')),
      stated: stated.success,
      stage: s.stage ? l.stage(s.stage) : '—',
      status: s.status && isStatus(s.status) ? cap(l.t(`status.${s.status}`)) : '—',
      days: s.daysInStage !== undefined ? l.num(s.daysInStage) : '—',
      sessions: l.num(s.sessions),
      warnings: warningText(s, l),
    };
  });
  const byStage = l.method.stages
    .map((stage) => ({ name: l.stage(stage.id), count: summaries.filter((s) => s.stage === stage.id).length }))
    .filter((row) => row.count > 0)
    .map((row) => ({ name: row.name, count: l.num(row.count) }));
  const byDirection = [...DIRECTIONS, undefined]
    .map((direction) => ({
      name: cap(direction ? l.t(`direction.${direction}`) : l.t('direction.unknown')),
      count: summaries.filter((s) => directions.get(s.id) === direction).length,
    }))
    .filter((row) => row.count > 0)
    .map((row) => ({ name: row.name, count: l.num(row.count) }));
  const countries = [...new Set(summaries.flatMap((s) => [s.mentor.country, s.mentee.country]).filter((c): c is string => c !== undefined))]
    .map((code) => ({
      name: l.country(code),
      mentor: summaries.filter((s) => s.mentor.country === code).length,
      mentee: summaries.filter((s) => s.mentee.country === code).length,
    }))
    .sort((a, b) => b.mentor + b.mentee - (a.mentor + a.mentee) || a.name.localeCompare(b.name, l.lang))
    .map((row) => ({ name: row.name, mentor: l.num(row.mentor), mentee: l.num(row.mentee) }));
  const funders = [...new Set(summaries.flatMap((s) => s.funders ?? []))]
    .map((name) => ({ name, count: summaries.filter((s) => (s.funders ?? []).includes(name)).length }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, l.lang))
    .map((row) => ({ name: row.name, count: l.num(row.count) }));
  return {
    lang: l.lang,
    heading: l.t('doc.portfolio'),
    footer: programme ? `${l.t('doc.short.portfolio')} · ${programme}` : l.t('doc.short.portfolio'),
    wide: true,
    draft: null,
    dress: dressView(dress, l),
    programme: programme ?? null,
    asOf: l.date(today),
    count: l.num(summaries.length),
    rows,
    byStage,
    byDirection,
    byCountry: countries,
    byFunder: funders,
    edition: DAC_LIST_EDITION,
  };
}

function isStatus(status: string): status is 'active' | 'suspended' | 'cancelled' | 'closed' {
  return ['active', 'suspended', 'cancelled', 'closed'].includes(status);
}

/** The warnings of a partnership by kind, in the document's language: "target past its due date (2)". */
function warningText(s: PartnershipSummary, l: Localizer): string {
  const counts = new Map<string, number>();
  for (const w of s.warnings) {
    const key = `warning.${w.code}`;
    const label = key in l.strings ? l.t(key as StringKey) : l.t('warning.other');
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const parts = [...counts.entries()].map(([label, n]) => (n > 1 ? `${label} (${l.num(n)})` : label));
  if (s.errors > 0) parts.unshift(`${l.t('warning.errors')} (${l.num(s.errors)})`);
  return parts.length > 0 ? parts.join('; ') : '—';
}
