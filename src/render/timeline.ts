// The roadmap drawn two ways: a Mermaid gantt chart (Markdown, rendered by GitHub) and the
// geometry of an inline SVG timeline (HTML). Both are computed here; templates only print them.
import type { Partnership } from '../model/partnership.js';
import { isTargetOverdue } from '../roadmap/index.js';
import { addMonthsTo, daysBetween } from '../util/dates.js';
import { stagePeriods, type NumberedSession } from './figures.js';
import type { Localizer } from './locale.js';

interface GanttTask {
  name: string;
  /** Everything after the colon: tags, id, start, end or duration. */
  spec: string;
}

/** Spans shorter than this get month ticks; longer ones year ticks. */
const MONTH_TICKS_UNDER_MONTHS = 36;

/**
 * The Mermaid gantt chart: stages as bars; targets and milestones as markers on their due dates
 * (a target has no start date to draw a bar from); sessions as markers, political ones "active"
 * (Mermaid's "crit" red is kept for what is overdue); an "as of" marker.
 */
export function ganttChart(p: Partnership, numbered: readonly NumberedSession[], today: string, l: Localizer) {
  const periods = stagePeriods(p, today);
  const stages: GanttTask[] = periods.map((period, index) => {
    const end = period.left ?? (today > period.entered ? today : undefined);
    const tag = period.left ? 'done, ' : 'active, ';
    return { name: l.stage(period.stage), spec: `${tag}stage${index + 1}, ${period.entered}, ${end && end > period.entered ? end : '1d'}` };
  });
  const targets: GanttTask[] = (p.targets ?? []).map((t, index) => {
    const overdue = isTargetOverdue(t, today);
    const tag = t.status === 'achieved' ? 'done, ' : overdue ? 'crit, ' : t.status === 'in-progress' ? 'active, ' : '';
    const status = overdue ? `${l.t(`targetStatus.${t.status}`)}, ${l.t('label.overdue')}` : l.t(`targetStatus.${t.status}`);
    return { name: `${t.title} (${status})`, spec: `milestone, ${tag}target${index + 1}, ${t.due}, 0d` };
  });
  const milestones: GanttTask[] = (p.milestones ?? []).map((m, index) => ({
    name: m.title,
    spec: `milestone, ${m.done ? 'done, ' : m.due < today ? 'crit, ' : ''}ms${index + 1}, ${m.due}, 0d`,
  }));
  const sessions: GanttTask[] = numbered.map(({ number, session }) => ({
    name: `${number}. ${session.title} (${l.t(`level.${session.level}`)})`,
    spec: `milestone, ${session.level === 'political' ? 'active, ' : ''}session${number}, ${session.date}, 0d`,
  }));
  const asOf: GanttTask[] = [{ name: `${l.t('roadmap.today')} ${l.short(today)}`, spec: `milestone, asof1, ${today}, 0d` }];
  const sections = [
    { name: l.t('roadmap.stages'), tasks: stages },
    { name: l.t('roadmap.targets.row'), tasks: targets },
    { name: l.t('roadmap.milestones.row'), tasks: milestones },
    { name: l.t('roadmap.sessions'), tasks: sessions },
    { name: l.t('label.asOf'), tasks: asOf },
  ].filter((section) => section.tasks.length > 0);
  const first = periods[0]?.entered ?? today;
  const months = monthsBetween(first, lastDate(p, numbered, today));
  return {
    title: p.title,
    sections,
    axisFormat: months < MONTH_TICKS_UNDER_MONTHS ? '%b %Y' : '%Y',
    tickInterval: months < 12 ? '1month' : months < MONTH_TICKS_UNDER_MONTHS ? '3month' : '1year',
  };
}

function lastDate(p: Partnership, numbered: readonly NumberedSession[], today: string): string {
  const upcoming = (p.sessions_planned ?? []).filter((s) => s.date > today).map((s) => s.date);
  const dates = [today, ...numbered.map((n) => n.session.end ?? n.session.date), ...upcoming, ...(p.targets ?? []).map((t) => t.due), ...(p.milestones ?? []).map((m) => m.due)];
  return dates.reduce((a, b) => (a > b ? a : b));
}

function monthsBetween(from: string, to: string): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
}

const round = (n: number) => Math.round(n * 10) / 10;

export type TimelineLayout = 'wide' | 'narrow';

const LAYOUTS = {
  // Wide: labels left of the bars. 800 units print about 180 mm wide: 13-unit text is above 8 pt.
  wide: { width: 800, labelWidth: 290, row: 28, labelAbove: 0, minLabelGap: 70 },
  // Narrow (phones): labels above the bars, so the bars get the whole width.
  narrow: { width: 420, labelWidth: 10, row: 40, labelAbove: 14, minLabelGap: 70 },
} as const;

/** Geometry of the SVG timeline: a row per stage, rows of targets, milestones and sessions, date ticks and the as-of line. */
export function svgTimeline(p: Partnership, numbered: readonly NumberedSession[], today: string, l: Localizer, layout: TimelineLayout = 'wide') {
  const { width, labelWidth, row, labelAbove, minLabelGap } = LAYOUTS[layout];
  const right = 18;
  const top = 34;
  const periods = stagePeriods(p, today);
  const upcoming = (p.sessions_planned ?? []).filter((s) => s.date > today);
  const first = periods[0]?.entered ?? today;
  const last = lastDate(p, numbered, today);
  const span = Math.max(1, daysBetween(first, last));
  const plot = width - labelWidth - right;
  const x = (date: string) => round(labelWidth + (daysBetween(first, date) / span) * plot);
  const rowAt = (index: number) => {
    const y = top + index * row;
    return { y, textY: labelAbove ? y + 12 : y + row / 2 + 4, barY: y + labelAbove + 4, barHeight: row - labelAbove - 10, mid: y + labelAbove + (row - labelAbove) / 2 };
  };

  const stageRows = periods.map((period, index) => {
    const start = x(period.entered);
    const end = x(period.left ?? (today > period.entered ? today : period.entered));
    const r = rowAt(index);
    return {
      label: l.stage(period.stage),
      textY: r.textY,
      x: start,
      width: round(Math.max(3, end - start)),
      barY: r.barY,
      barHeight: r.barHeight,
      cls: period.left ? 'stage done' : 'stage current',
      tip: l.t('doc.titled', { heading: l.stage(period.stage), title: period.left ? l.range(period.entered, period.left) : l.short(period.entered) }),
    };
  });
  let next = stageRows.length;
  const targetRow = (p.targets ?? []).length > 0 ? rowAt(next++) : undefined;
  const targets = targetRow
    ? (p.targets ?? []).map((t) => {
        const overdue = isTargetOverdue(t, today);
        return {
          x: x(t.due),
          y: targetRow.mid,
          cls: `target ${overdue ? 'overdue' : t.status}`,
          tip: `${t.title} (${l.short(t.due)}, ${l.t(`targetStatus.${t.status}`)}${overdue ? `, ${l.t('label.overdue')}` : ''})`,
        };
      })
    : [];
  const milestoneRow = (p.milestones ?? []).length > 0 ? rowAt(next++) : undefined;
  const milestones = milestoneRow
    ? (p.milestones ?? []).map((m) => ({ x: x(m.due), y: milestoneRow.mid, cls: m.done ? 'milestone done' : 'milestone open', tip: `${m.title} (${l.short(m.due)}, ${m.done ? l.t('label.done') : l.t('label.notDone')})` }))
    : [];
  const sessionRow = rowAt(next++);
  const markers = numbered.map(({ number, session }) => ({
    x: x(session.date),
    y: sessionRow.mid,
    political: session.level === 'political',
    tip: `${number}. ${session.title} (${l.short(session.date)}, ${l.t(`level.${session.level}`)})`,
  }));
  const planned = upcoming.map((s) => ({ x: x(s.date), y: sessionRow.mid, tip: `${s.title} (${l.short(s.date)}, ${l.t('planned.upcoming')})` }));
  const rowsBottom = top + next * row;
  const height = rowsBottom + 26;

  const ticks = axisTicks(first, last, plot, minLabelGap, l).map((tick) => ({ ...tick, x: x(tick.date) }));
  const asOfX = x(today);
  return {
    width,
    height,
    labelX: labelAbove ? labelWidth : labelWidth - 8,
    labelClass: labelAbove ? 'label narrow' : 'label',
    axisY: top - 4,
    gridBottom: rowsBottom,
    tickY: top - 10,
    stages: stageRows,
    targets,
    targetsLabel: targetRow ? { text: l.t('roadmap.targets.row'), y: targetRow.textY } : null,
    milestones,
    milestonesLabel: milestoneRow ? { text: l.t('roadmap.milestones.row'), y: milestoneRow.textY } : null,
    sessionsLabel: { text: l.t('roadmap.sessions'), y: sessionRow.textY },
    markers,
    planned,
    ticks,
    asOf: { x: asOfX, label: `${l.t('roadmap.today')} ${l.short(today)}`, labelY: height - 8, anchor: asOfX > width * 0.6 ? 'end' : 'start' },
  };
}

/** Month ticks (labelled every few months) under three years, year ticks above. */
function axisTicks(first: string, last: string, plot: number, minLabelGap: number, l: Localizer): { date: string; label: string; major: boolean }[] {
  const months = monthsBetween(first, last) + 1;
  const start = `${first.slice(0, 7)}-01`;
  const ticks: { date: string; label: string; major: boolean }[] = [];
  if (months < MONTH_TICKS_UNDER_MONTHS) {
    const perMonth = plot / Math.max(1, months);
    const step = [1, 2, 3, 6, 12].find((s) => s * perMonth >= minLabelGap) ?? 12;
    for (let i = 1; ; i++) {
      const date = addMonthsTo(start, i);
      if (date > last) break;
      const month = Number(date.slice(5, 7)) - 1;
      const labelled = month % step === 0;
      ticks.push({ date, label: labelled ? l.month(date) : '', major: labelled });
    }
    return ticks;
  }
  const years = months / 12;
  const step = [1, 2, 5].find((s) => (plot / years) * s >= minLabelGap * 0.6) ?? 5;
  for (let year = Number(first.slice(0, 4)) + 1; `${year}-01-01` <= last; year++) {
    ticks.push({ date: `${year}-01-01`, label: year % step === 0 ? String(year) : '', major: true });
  }
  return ticks;
}

/** The legend of the timeline: one entry for every colour and shape used. */
export function timelineLegend(l: Localizer, has: { targets: boolean; milestones: boolean; planned: boolean }) {
  return [
    { cls: 'done', label: l.t('roadmap.doneStage') },
    { cls: 'current', label: l.t('roadmap.currentStage') },
    { cls: 'technical', label: l.t('roadmap.technicalSession') },
    { cls: 'political', label: l.t('roadmap.politicalSession') },
    ...(has.planned ? [{ cls: 'planned', label: l.t('roadmap.plannedSession') }] : []),
    ...(has.targets
      ? (['achieved', 'in-progress', 'not-started'] as const).map((s) => ({ cls: `t-${s}`, label: `${l.t('roadmap.target')}: ${l.t(`targetStatus.${s}`)}` })).concat([{ cls: 't-overdue', label: `${l.t('roadmap.target')}: ${l.t('label.overdue')}` }])
      : []),
    ...(has.milestones ? [{ cls: 'm-done', label: `${l.t('roadmap.milestone')}: ${l.t('label.done').toLocaleLowerCase(l.lang)}` }, { cls: 'm-open', label: `${l.t('roadmap.milestone')}: ${l.t('label.notDone').toLocaleLowerCase(l.lang)}` }] : []),
    { cls: 'asof', label: l.t('label.asOf') },
  ];
}
