// View models of the fields practitioners run partnerships with (SPEC 6.2): results against
// targets, money by status and currency, the parties beyond the pair, the signed agreement and an
// evaluation to OECD DAC standard.
import { RATING_KEYS } from '../model/enums.js';
import type { Partnership, Target } from '../model/partnership.js';
import { ratingEvidence, ratingScore } from '../model/rating.js';
import { latestMeasurement } from '../roadmap/results.js';
import { balanceByCurrency } from './money.js';
import type { Localizer } from './locale.js';

const DASH = '—';

/** Baseline → latest reading → target of one target, written for a document. */
export function progressOf(target: Target, l: Localizer) {
  const latest = latestMeasurement(target);
  const value = (v: number | string) => (typeof v === 'number' ? l.num(v, 2) : v);
  return {
    baseline: target.baseline ?? DASH,
    latest: latest ? `${value(latest.value)} (${l.short(latest.date)})` : DASH,
    aimed: target.target ?? DASH,
    measurements: (target.measurements ?? []).map((m) => ({
      date: l.short(m.date),
      value: value(m.value),
      note: [m.note, m.source].filter(Boolean).join(' — ') || DASH,
    })),
  };
}

/** Each contribution with its status, and per currency the budget, contributions by status and spending. */
export function moneyView(p: Partnership, costs: readonly { amount: number; currency: string }[], l: Localizer) {
  const funding = p.funding ?? [];
  const rows = funding.map((f) => ({
    funder: f.funder,
    amount:
      f.in_kind === true
        ? f.amount !== undefined && f.currency !== undefined
          ? l.t('funding.inKindEstimated', { amount: l.money(f.amount, f.currency) })
          : l.t('funding.inKind')
        : f.amount !== undefined && f.currency !== undefined
          ? l.money(f.amount, f.currency)
          : DASH,
    status: l.t(`funding.status.${f.status ?? 'unrecorded'}`),
    note: f.note ?? DASH,
  }));
  const balance = balanceByCurrency(p.agreement?.terms?.budget, funding, costs).map((b) => {
    const amount = (value: number | undefined) => (value === undefined || value === 0 ? DASH : l.money(value, b.currency));
    return {
      currency: b.currency,
      budget: amount(b.budget),
      received: amount(b.contributions.received),
      committed: amount(b.contributions.committed),
      requested: amount(b.contributions.requested),
      declined: amount(b.contributions.declined),
      unrecorded: amount(b.contributions.unrecorded),
      inKind: amount(b.inKind),
      spent: amount(b.spent),
    };
  });
  return { rows, balance };
}

/** Co-mentors, member towns, associations, funders and observers, and links to other partnerships. */
export function partiesView(p: Partnership, l: Localizer) {
  return {
    partners: (p.partners ?? []).map((partner) => ({
      name: partner.name,
      country: partner.country ? l.country(partner.country) : DASH,
      role: l.t(`partnerRole.${partner.role}`),
      note: partner.note ?? DASH,
    })),
    related: (p.related ?? []).map((r) => ({ id: r.id, relation: l.t(`relation.${r.relation}`) })),
  };
}

/** The agreement as signed: version, state, signatories, amendments, working languages. */
export function agreementView(p: Partnership, l: Localizer) {
  const a = p.agreement;
  if (!a || (a.version === undefined && a.state === undefined && !a.signatories && !a.amendments && !a.languages)) return null;
  const languages = new Intl.DisplayNames([l.lang], { type: 'language' });
  return {
    version: a.version ?? DASH,
    state: a.state ? l.t(`agreementState.${a.state}`) : DASH,
    signatories: (a.signatories ?? []).map((s) => ({ side: l.t(`signatorySide.${s.side}`), name: s.name, title: s.title, date: s.date ? l.short(s.date) : DASH })),
    amendments: (a.amendments ?? []).map((m) => ({ date: l.short(m.date), summary: m.summary })),
    languages: (a.languages ?? []).map((code) => languages.of(code) ?? code).join(', ') || null,
  };
}

/** The evaluation to DAC standard: type, evaluator, method, ratings with evidence, conclusions, recommendations. */
export function evaluationDetail(p: Partnership, l: Localizer) {
  const e = p.evaluation;
  if (!e) return { type: null, evaluator: null, method: null, conclusions: null, evidence: [], recommendations: [], mentorBenefits: [] };
  return {
    type: e.type ? l.t(`evaluationType.${e.type}`) : null,
    evaluator: e.evaluator ? `${e.evaluator.name} (${l.t(e.evaluator.independent ? 'eval.independent' : 'eval.notIndependent')})` : null,
    method: e.method ?? null,
    conclusions: e.conclusions ?? null,
    evidence: RATING_KEYS.flatMap((key) => {
      const evidence = ratingEvidence(e.ratings[key]);
      return evidence ? [{ name: l.t(`rating.${key}`), score: `${ratingScore(e.ratings[key]) ?? '?'} / 4`, evidence }] : [];
    }),
    recommendations: (e.recommendations ?? []).map((r) =>
      typeof r === 'string'
        ? { text: r, owner: DASH, due: DASH, response: DASH }
        : { text: r.text, owner: r.owner, due: r.due ? l.short(r.due) : DASH, response: r.response ?? DASH },
    ),
    mentorBenefits: e.mentor_benefits ?? [],
  };
}
