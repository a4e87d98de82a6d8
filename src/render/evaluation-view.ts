// The evaluation document. Until an evaluation is recorded it is an interim progress report that
// names the seven criteria still to be rated; with one it follows the OECD DAC report structure:
// executive summary first, then background, purpose, method, findings by criterion, results,
// money, conclusions, recommendations, lessons, the mentor's gains, and annexes.
import type { Rating, Recommendation } from '../model/partnership.js';
import { mentoringStage, numberVisits, stageEnteredOn } from '../roadmap/index.js';
import { daysBetween } from '../util/dates.js';
import { sessionCosts, type NumberedSession } from './figures.js';
import type { Localizer } from './locale.js';
import { moneyView } from './money.js';
import { cap, counts, DASH, periodRows, plannedView, productView, statsView, type DocumentInput } from './parts.js';

const score = (rating: Rating | undefined) => (rating === undefined ? 0 : typeof rating === 'number' ? rating : rating.score);

export function evaluationView({ partnership: p, sessions, today }: DocumentInput, l: Localizer) {
  const numbered = numberVisits(sessions, today);
  const entered = stageEnteredOn(p) ?? today;
  const mentoring = mentoringStage(l.method)?.id;
  const mentoringSince = mentoring === undefined ? undefined : p.history.find((e) => e.stage === mentoring)?.date;
  const evaluation = p.evaluation;
  const criteria = l.method.ratings.criteria.map((c) => c.id);
  const { min, max } = l.method.ratings.scale;
  const common = {
    summary: {
      mentoringSince: mentoringSince ? l.date(mentoringSince) : null,
      entered: l.date(entered),
      days: l.num(daysBetween(entered, today)),
    },
    targetCounts: counts(p, today, l),
    stats: statsView(numbered, l),
    request: p.request ? { date: l.date(p.request.date), from: p.request.from, topic: p.request.topic } : null,
    assessmentSummary: p.assessment?.summary ?? null,
    objectives: p.agreement?.terms?.objectives ?? [],
    product: productView(p, l),
    periods: periodRows(p, today, l),
    planned: plannedView(p, sessions.map((r) => r.session), today, l),
    money: moneyView(p, sessionCosts(numbered), l),
    peopleMet: peopleMet(numbered, l),
    handover: p.handover ? { date: l.date(p.handover.date), owner: p.handover.owner } : null,
    evaluationMethod: p.agreement?.terms?.evaluation_method ?? null,
    // The documents' words are for UCLG's seven criteria on a scale of 1 to 4; another method's count and scale are written out.
    criteriaCount: criteria.length === 7 ? null : l.num(criteria.length),
    scale: min === 1 && max === 4 ? null : { min: l.num(min), max: l.num(max) },
  };
  if (!evaluation) {
    return {
      ...common,
      heading: l.t('doc.interim'),
      footer: `${l.t('doc.short.interim')} · ${p.title}`,
      interim: true,
      evaluation: null,
      criteria: criteria.map((key) => ({ name: l.criterion(key), question: l.question(key) ?? DASH, state: l.t('eval.toBeRated') })),
    };
  }
  // The ratings under the method's criteria (partnership.yaml was checked against them).
  const given = evaluation.ratings as Record<string, Rating | undefined>;
  const ratings = criteria.map((key) => {
    const rating = given[key];
    const value = score(rating);
    return {
      name: l.criterion(key),
      question: l.question(key),
      score: `${value} / ${max}`,
      // The words of a score are those of the 1-to-4 scale; on another scale the number says it.
      words: min === 1 && max === 4 ? l.t(`score.${value as 1 | 2 | 3 | 4}`) : l.num(value),
      width: Math.round((value / max) * 100),
      evidence: rating === undefined || typeof rating === 'number' ? null : rating.evidence,
    };
  });
  const withoutEvidence = ratings.filter((r) => r.evidence === null).length;
  const unmeasured = (p.targets ?? []).filter((t) => (t.measurements ?? []).length === 0).length;
  const limitations = [
    ...(evaluation.evaluator && !evaluation.evaluator.independent ? [l.t('eval.limit.notIndependent')] : []),
    ...(evaluation.evaluator ? [] : [l.t('eval.limit.noEvaluator')]),
    ...(withoutEvidence > 0 ? [l.t('eval.limit.noEvidence', { count: l.num(withoutEvidence) })] : []),
    ...(unmeasured > 0 ? [l.t('eval.limit.unmeasured', { count: l.num(unmeasured) })] : []),
  ];
  const start = mentoringSince ?? p.history[0]!.date;
  return {
    ...common,
    interim: false,
    evaluation: {
      date: l.date(evaluation.date),
      type: evaluation.type ? cap(l.t(`evalType.${evaluation.type}`)) : DASH,
      period: l.t('eval.period', { from: l.date(start), to: l.date(evaluation.date) }),
      evaluator: evaluation.evaluator
        ? l.t(evaluation.evaluator.independent ? 'eval.evaluatorIndependent' : 'eval.evaluatorInternal', { name: evaluation.evaluator.name })
        : l.t('eval.evaluatorUnknown'),
      method: evaluation.method ?? p.agreement?.terms?.evaluation_method ?? null,
      ratings,
      average: l.num(criteria.reduce((sum, key) => sum + score(given[key]), 0) / criteria.length, 1),
      findings: evaluation.findings ?? null,
      conclusions: evaluation.conclusions ?? null,
      limitations,
    },
    lessons: evaluation.lessons ?? [],
    recommendations: (evaluation.recommendations ?? []).map((r, index) => ({ number: l.num(index + 1), ...recommendationRow(r, l) })),
    mentorBenefits: evaluation.mentor_benefits ?? [],
  };
}

function recommendationRow(r: Recommendation, l: Localizer) {
  if (typeof r === 'string') return { text: r, owner: l.t('eval.noOwner'), due: DASH, response: l.t('eval.noResponse'), pending: true };
  return { text: r.text, owner: r.owner, due: r.due ? l.short(r.due) : DASH, response: r.response ?? l.t('eval.noResponse'), pending: r.response === undefined };
}

/** Everyone recorded at a held session, once, with the sessions they attended. */
function peopleMet(numbered: readonly NumberedSession[], l: Localizer) {
  const people = new Map<string, { name: string; organisation: string; role: string; side: string; sessions: number[] }>();
  for (const { number, session } of numbered) {
    for (const person of session.participants ?? []) {
      const key = `${person.name}\u0000${person.organisation}`;
      const entry = people.get(key) ?? { name: person.name, organisation: person.organisation, role: person.role, side: l.t(`participantSide.${person.side}`), sessions: [] };
      entry.sessions.push(number);
      people.set(key, entry);
    }
  }
  return [...people.values()].map((p) => ({ ...p, sessions: p.sessions.map((n) => l.num(n)).join(', ') }));
}
