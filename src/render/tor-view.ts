// The Terms of Reference as a document two cities sign: a title block, obligations, a workplan,
// cost sharing, a reporting calendar, languages, amendment and termination, signature blocks.
// Nothing in it depends on the day it is printed except the date of a draft.
import type { Partnership } from '../model/partnership.js';
import { mentoringStage } from '../roadmap/index.js';
import { addMonthsTo } from '../util/dates.js';
import type { Localizer } from './locale.js';
import { moneyView } from './money.js';
import { DASH, productView, type DocumentInput } from './parts.js';

const TEAM_SIDES = ['mentor', 'mentee', 'lga', 'programme'] as const;

export function torView({ partnership: p, today }: DocumentInput, l: Localizer) {
  const agreement = p.agreement;
  const approvals = agreement?.approvals ?? [];
  const terms = agreement?.terms;
  // Where the state is not recorded, terms approved by both sides are final; anything else is a draft.
  const approvedByBoth = (['mentor', 'mentee'] as const).every((side) => approvals.some((a) => a.side === side));
  const final = agreement?.state === 'final' || (agreement?.state === undefined && approvedByBoth);
  const taskForce = p.task_force ?? [];
  const teams = TEAM_SIDES.map((side) => ({
    label: l.t(`team.${side}`),
    obligations: l.t(`tor.obligation.${side}`),
    members: taskForce.filter((m) => m.side === side).map((m) => ({ name: m.name, role: m.organisation ? `${m.role}, ${m.organisation}` : m.role, lead: m.lead === true })),
  }));
  const signedOn = [...(agreement?.signatories ?? []).flatMap((s) => (s.date ? [s.date] : [])), ...approvals.map((a) => a.date)].sort().at(-1);
  return {
    draft: final ? null : l.t('tor.draft'),
    titleBlock: {
      version: agreement?.version ?? DASH,
      state: final ? l.t('tor.final') : l.t('tor.draftState'),
      date: final ? (signedOn ? l.date(signedOn) : DASH) : l.t('tor.draftOf', { date: l.date(today) }),
      between: l.t('tor.between', { mentor: p.mentor.name, mentee: p.mentee.name }),
    },
    approvals: approvals.map((a) => ({ side: l.t(`side.${a.side}`), body: a.body, date: l.short(a.date) })),
    pendingApprovals: (['mentor', 'mentee'] as const).filter((side) => !approvals.some((a) => a.side === side)).map((side) => l.t(`tor.approvalPending.${side}`)),
    related: (p.related ?? []).map((r) => ({ id: r.id, relation: l.t(`relation.${r.relation}`) })),
    partners: (p.partners ?? []).map((x) => ({ name: x.name, role: l.t(`partner.${x.role}`), country: x.country ? l.country(x.country) : DASH, note: x.note ?? DASH })),
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
    teams,
    funders: (p.funding ?? []).map((f) => f.funder),
    workplan: workplan(p, l),
    money: moneyView(p, [], l),
    calendar: reportingCalendar(p, l),
    languages: (agreement?.languages ?? []).map((code) => languageName(code, l.lang)).join(', ') || null,
    amendments: (agreement?.amendments ?? []).map((a) => ({ date: l.short(a.date), summary: a.summary })),
    signatures: signatureBlocks(p, l),
    risks: (p.risks ?? []).map((r) => ({ risk: r.risk, mitigation: r.mitigation ?? DASH })),
    handover: p.handover ? { date: l.date(p.handover.date), owner: p.handover.owner, note: p.handover.note ?? null } : null,
  };
}

/** Milestones and planned sessions in one list by date: what the parties commit to do, and when. */
function workplan(p: Partnership, l: Localizer) {
  const items = [
    ...(p.milestones ?? []).map((m) => ({ date: m.due, what: m.title, kind: l.t('tor.workplan.milestone'), host: DASH })),
    ...(p.sessions_planned ?? []).map((s) => ({ date: s.date, what: s.title, kind: l.t('tor.workplan.session'), host: s.host ? l.t(`host.${s.host}`) : DASH })),
  ];
  return items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).map((item) => ({ ...item, date: l.short(item.date) }));
}

/** Reports the parties owe, dated from the start of mentoring (or the approvals) and the agreed duration. */
function reportingCalendar(p: Partnership, l: Localizer) {
  const months = p.agreement?.terms?.duration_months;
  const mentoring = mentoringStage(l.method)?.id;
  const start = (mentoring === undefined ? undefined : p.history.find((e) => e.stage === mentoring)?.date) ?? p.agreement?.approvals?.map((a) => a.date).sort().at(-1);
  const rows = [{ when: l.t('tor.calendar.afterSession'), what: l.t('tor.calendar.sessionRecord'), who: l.t('team.mentee') }];
  if (start && months) {
    rows.push({ when: l.date(addMonthsTo(start, Math.max(1, Math.round(months / 2)))), what: l.t('tor.calendar.interim'), who: l.t('team.programme') });
    rows.push({ when: l.date(addMonthsTo(start, months)), what: l.t('tor.calendar.evaluation'), who: l.t('tor.calendar.bothSides') });
  } else {
    rows.push({ when: l.t('tor.calendar.midway'), what: l.t('tor.calendar.interim'), who: l.t('team.programme') });
    rows.push({ when: l.t('tor.calendar.atEnd'), what: l.t('tor.calendar.evaluation'), who: l.t('tor.calendar.bothSides') });
  }
  return { rows, startKnown: Boolean(start && months) };
}

/** One block per signatory, or an empty block per side when none is recorded yet. */
function signatureBlocks(p: Partnership, l: Localizer) {
  const signatories = p.agreement?.signatories ?? [];
  // The national association or the programme may sign too: they sign for themselves.
  const party = (side: 'mentor' | 'mentee' | 'lga' | 'programme') => (side === 'mentor' ? p.mentor.name : side === 'mentee' ? p.mentee.name : l.t(`team.${side}`));
  if (signatories.length > 0) {
    return signatories.map((s) => ({ for: l.t('tor.signFor', { party: party(s.side) }), name: s.name, title: s.title, date: s.date ? l.date(s.date) : null }));
  }
  return (['mentor', 'mentee'] as const).map((side) => ({ for: l.t('tor.signFor', { party: party(side) }), name: null, title: null, date: null }));
}

function languageName(code: string, lang: string): string {
  try {
    const name = new Intl.DisplayNames([lang], { type: 'language' }).of(code);
    return name && name !== code ? name.charAt(0).toLocaleUpperCase(lang) + name.slice(1) : code;
  } catch {
    return code;
  }
}
