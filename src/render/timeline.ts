// The roadmap drawn two ways: a Mermaid gantt chart (Markdown, rendered by GitHub) and the
// geometry of an inline SVG timeline (HTML). Both are computed here; templates only print them.
import type { Partnership } from '../model/partnership.js';
import { daysBetween } from '../util/dates.js';
import { isTargetOverdue, mentoringStage } from '../roadmap/index.js';
import { stagePeriods, type NumberedSession } from './figures.js';
import type { Localizer } from './locale.js';

interface GanttTask {
  name: string;
  /** Everything after the colon: tags, id, start, end or duration. */
  spec: string;
}

/** The Mermaid gantt chart: stages with their dates, targets up to their due dates, sessions as milestones. */
export function ganttChart(p: Partnership, numbered: readonly NumberedSession[], today: string, l: Localizer) {
  const periods = stagePeriods(p, today);
  const stages: GanttTask[] = periods.map((period, index) => {
    const end = period.left ?? (today > period.entered ? today : undefined);
    const tag = period.left ? 'done, ' : 'active, ';
    return { name: l.stage(period.stage), spec: `${tag}stage${index + 1}, ${period.entered}, ${end && end > period.entered ? end : '1d'}` };
  });
  const mentoring = p.history.find((e) => e.stage === mentoringStage(l.method)?.id)?.date ?? today;
  const targets: GanttTask[] = (p.targets ?? []).map((t, index) => {
    const start = mentoring < t.due ? mentoring : t.due;
    const tag = t.status === 'achieved' ? 'done, ' : isTargetOverdue(t, today) ? 'crit, ' : t.status === 'in-progress' ? 'active, ' : '';
    return { name: `${t.title} (${l.t(`targetStatus.${t.status}`)})`, spec: `${tag}target${index + 1}, ${start}, ${start === t.due ? '1d' : t.due}` };
  });
  const sessions: GanttTask[] = numbered.map(({ number, session }) => ({
    name: `${number}. ${session.title}`,
    spec: `milestone, ${session.level === 'political' ? 'crit, ' : ''}session${number}, ${session.date}, 0d`,
  }));
  const sections = [
    { name: l.t('roadmap.stages'), tasks: stages },
    { name: l.t('roadmap.targets'), tasks: targets },
    { name: l.t('roadmap.sessions'), tasks: sessions },
  ].filter((section) => section.tasks.length > 0);
  return { title: p.title, sections };
}

const WIDTH = 800;
const LABEL_WIDTH = 280;
const RIGHT = 16;
const ROW = 26;
const TOP = 30;

const round = (n: number) => Math.round(n * 10) / 10;

/** Geometry of the SVG timeline: a row per stage, a row of sessions, year ticks and the as-of line. */
export function svgTimeline(p: Partnership, numbered: readonly NumberedSession[], today: string, l: Localizer) {
  const periods = stagePeriods(p, today);
  const upcoming = (p.sessions_planned ?? []).filter((s) => s.date > today);
  const first = periods[0]?.entered ?? today;
  const dates = [today, ...numbered.map((n) => n.session.date), ...upcoming.map((s) => s.date)];
  const last = dates.reduce((a, b) => (a > b ? a : b));
  const span = Math.max(1, daysBetween(first, last));
  const plot = WIDTH - LABEL_WIDTH - RIGHT;
  const x = (date: string) => round(LABEL_WIDTH + (daysBetween(first, date) / span) * plot);

  const stageRows = periods.map((period, index) => {
    const start = x(period.entered);
    const end = x(period.left ?? (today > period.entered ? today : period.entered));
    return {
      label: l.stage(period.stage),
      y: TOP + index * ROW,
      textY: TOP + index * ROW + ROW / 2 + 4,
      x: start,
      width: round(Math.max(3, end - start)),
      barY: TOP + index * ROW + 5,
      barHeight: ROW - 10,
      cls: period.left ? 'stage done' : 'stage current',
      tip: l.t('doc.titled', { heading: l.stage(period.stage), title: period.left ? l.range(period.entered, period.left) : l.short(period.entered) }),
    };
  });
  const sessionsY = TOP + stageRows.length * ROW + ROW / 2;
  const markers = numbered.map(({ number, session }) => ({
    x: x(session.date),
    y: sessionsY,
    political: session.level === 'political',
    tip: `${number}. ${session.title} (${l.short(session.date)}, ${l.t(`level.${session.level}`)})`,
  }));
  const planned = upcoming.map((s) => ({ x: x(s.date), y: sessionsY, tip: `${s.title} (${l.short(s.date)}, ${l.t('planned.upcoming')})` }));
  const height = sessionsY + ROW / 2 + 24;
  const years: { x: number; label: string }[] = [];
  for (let year = Number(first.slice(0, 4)) + 1; `${year}-01-01` <= last; year++) years.push({ x: x(`${year}-01-01`), label: String(year) });
  return {
    width: WIDTH,
    height,
    labelX: LABEL_WIDTH - 8,
    plotLeft: LABEL_WIDTH,
    plotRight: WIDTH - RIGHT,
    axisY: TOP - 6,
    gridBottom: height - 20,
    yearY: TOP - 12,
    stages: stageRows,
    sessionsLabel: l.t('roadmap.sessions'),
    sessionsTextY: sessionsY + 4,
    markers,
    planned,
    years,
    asOf: { x: x(today), label: `${l.t('roadmap.today')} ${l.short(today)}`, labelY: height - 6, anchor: x(today) > WIDTH * 0.6 ? 'end' : 'start' },
  };
}
