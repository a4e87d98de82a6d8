// Partnerships as IATI 2.03 activities. Pure: data in, XML elements out.
// Code lists: https://iatistandard.org/en/iati-standard/203/codelists/
import type { IatiSettings } from '../model/iati.js';
import type { Method } from '../model/method.js';
import type { Partnership, Party } from '../model/partnership.js';
import type { Lang } from '../render/format.js';
import { countryName } from '../render/format.js';
import { localizer, translator } from '../render/locale.js';
import { isBeforeMentoring, isTerminal, mentoringStage, stageRank } from '../roadmap/stages.js';
import { addDaysTo, addMonthsTo } from '../util/dates.js';
import { el, type XmlElement } from './xml.js';

export const IATI_VERSION = '2.03';
/** DAC 5-digit purpose code: decentralisation and support to subnational government. */
export const SECTOR_DECENTRALISATION = '15112';

/** ActivityStatus. */
const ACTIVITY_STATUS = { pipeline: 1, implementation: 2, finalisation: 3, closed: 4, cancelled: 5, suspended: 6 } as const;
/** ActivityDateType. */
const DATE_TYPE = { actualStart: 2, plannedEnd: 3, actualEnd: 4 } as const;
/** OrganisationRole. */
const ROLE = { funding: 1, accountable: 2, extending: 3, implementing: 4 } as const;
/** TransactionType: the reporting organisation's own money goes out (2, 3); a funder's comes in (11, 1). */
const TRANSACTION = { outgoingCommitment: 2, disbursement: 3, incomingCommitment: 11, incomingFunds: 1 } as const;
/** OrganisationType 11: "any local (sub national) government organisation". */
const LOCAL_GOVERNMENT = 11;

/**
 * Where the method's roadmap stands, as the activity's life cycle: a stage before the mentoring
 * stage is the pipeline; the terminal stage is closed; the last stage before it, when it comes
 * after the mentoring stage, is finalisation (UCLG's promotion); the others are implementation.
 */
function stageStatus(method: Method, stage: string): number {
  if (isTerminal(method, stage)) return ACTIVITY_STATUS.closed;
  if (isBeforeMentoring(method, stage)) return ACTIVITY_STATUS.pipeline;
  const rank = stageRank(method, stage);
  const last = Math.max(...method.stages.filter((s) => !s.terminal).map((s) => s.rank));
  const mentoring = mentoringStage(method);
  return rank === last && mentoring !== undefined && rank > mentoring.rank ? ACTIVITY_STATUS.finalisation : ACTIVITY_STATUS.implementation;
}

/**
 * A funding entry. `status`, `in_kind` and `date` are read when the model has them (SPEC 6.2);
 * without a status an entry is listed as funding but reported as no transaction.
 */
type Funding = Omit<NonNullable<Partnership['funding']>[number], 'amount'> & {
  amount?: number;
  status?: 'requested' | 'committed' | 'received' | 'declined';
  in_kind?: boolean;
  date?: string;
};

export interface IatiActivityInput {
  partnership: Partnership;
  settings: IatiSettings;
  /** The language of the data's free text (titles, objectives, notes). */
  lang: Lang;
  /** Every language to write generated narratives in; the first is `lang`. */
  langs: Lang[];
  /** The programme named in the description. */
  programme?: string;
  /** YYYY-MM-DD of the activity's last recorded change. */
  lastUpdated: string;
  /** The repository's method: its stage names, its mentoring and terminal stages. */
  method: Method;
}

const CODE_LIST_STATUS = (p: Partnership, method: Method): number =>
  p.status === 'cancelled' ? ACTIVITY_STATUS.cancelled : p.status === 'suspended' ? ACTIVITY_STATUS.suspended : p.status === 'closed' ? ACTIVITY_STATUS.closed : stageStatus(method, p.stage);

/** The activity's identifier: the publisher's organisation identifier, a hyphen, the partnership id. */
export function iatiIdentifier(settings: IatiSettings, id: string): string {
  return `${settings.reporting_org.ref}-${id}`;
}

/** A decimal without exponent or grouping, as xsd:decimal wants it. */
export function decimal(value: number): string {
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

const narratives = (texts: { lang: Lang; text: string }[], activityLang: Lang): XmlElement[] =>
  texts.map(({ lang, text }) => el('narrative', { 'xml:lang': lang === activityLang ? undefined : lang }, text));

const narrative = (text: string) => [el('narrative', {}, text)];

/** One sentence on the partnership, written in `lang`. */
function summary(input: IatiActivityInput, lang: Lang): string {
  const { partnership: p, programme } = input;
  const l = localizer(lang, input.method);
  const party = (x: Party) => (x.country ? `${x.name} (${countryName(x.country, lang)})` : x.name);
  const topic = p.request?.topic;
  const stage = l.stage(p.stage);
  const mentorKnown = p.mentor.name !== 'tbd';
  const sentences: Record<Lang, string> = {
    en: mentorKnown
      ? `City-to-city mentoring: ${party(p.mentor)} mentors ${party(p.mentee)}${topic ? ` on: ${topic}` : ''}. Stage of the roadmap: ${stage}.`
      : `City-to-city mentoring: ${party(p.mentee)} asks for a mentor${topic ? ` on: ${topic}` : ''}. Stage of the roadmap: ${stage}.`,
    es: mentorKnown
      ? `Mentoría entre ciudades: ${party(p.mentor)} acompaña a ${party(p.mentee)}${topic ? ` en: ${topic}` : ''}. Etapa de la hoja de ruta: ${stage}.`
      : `Mentoría entre ciudades: ${party(p.mentee)} busca una ciudad mentora${topic ? ` para: ${topic}` : ''}. Etapa de la hoja de ruta: ${stage}.`,
    pt: mentorKnown
      ? `Mentoria entre cidades: ${party(p.mentor)} acompanha ${party(p.mentee)}${topic ? ` em: ${topic}` : ''}. Etapa do roteiro: ${stage}.`
      : `Mentoria entre cidades: ${party(p.mentee)} procura uma cidade mentora${topic ? ` para: ${topic}` : ''}. Etapa do roteiro: ${stage}.`,
    fr: mentorKnown
      ? `Mentorat entre villes : ${party(p.mentor)} accompagne ${party(p.mentee)}${topic ? ` sur : ${topic}` : ''}. Étape de la feuille de route : ${stage}.`
      : `Mentorat entre villes : ${party(p.mentee)} cherche une ville mentor${topic ? ` pour : ${topic}` : ''}. Étape de la feuille de route : ${stage}.`,
  };
  const label: Record<Lang, string> = { en: 'Programme:', es: 'Programa:', fr: 'Programme :', pt: 'Programa:' };
  return programme ? `${sentences[lang]} ${label[lang]} ${programme}.` : sentences[lang];
}

/** The date the activity's agreement was reached: the last approval, else the request, else the first history entry. */
function agreementDate(p: Partnership): string {
  const approvals = (p.agreement?.approvals ?? []).map((a) => a.date).sort();
  return approvals.at(-1) ?? p.request?.date ?? p.history[0]!.date;
}

/** When the mentoring itself began: entering the method's mentoring stage. */
function mentoringStart(p: Partnership, method: Method): string | undefined {
  const mentoring = mentoringStage(method)?.id;
  return mentoring === undefined ? undefined : p.history.find((h) => h.stage === mentoring)?.date;
}

function activityDates(p: Partnership, method: Method): XmlElement[] {
  const dates = [el('activity-date', { type: DATE_TYPE.actualStart, 'iso-date': p.history[0]!.date })];
  const start = mentoringStart(p, method);
  const months = p.agreement?.terms?.duration_months;
  if (start && months) dates.push(el('activity-date', { type: DATE_TYPE.plannedEnd, 'iso-date': addDaysTo(addMonthsTo(start, months), -1) }));
  const ended = p.status === 'closed' || p.status === 'cancelled' ? [...p.history].reverse().find((h) => isTerminal(method, h.stage) || h.status === p.status) : undefined;
  if (ended) dates.push(el('activity-date', { type: DATE_TYPE.actualEnd, 'iso-date': ended.date }));
  return dates;
}

function participatingOrgs(input: IatiActivityInput): XmlElement[] {
  const { partnership: p, settings } = input;
  const reporting = settings.reporting_org;
  const isReporting = (name: string) => name.trim().toLowerCase() === reporting.name.trim().toLowerCase();
  const org = (role: number, name: string, extra: { ref?: string; type?: number } = {}) =>
    el('participating-org', { ref: extra.ref, type: extra.type, role }, narrative(name));
  const reportingAttrs = { ref: reporting.ref, type: reporting.type };

  // Funders whose every entry was requested or declined have funded nothing.
  const funders = [...new Set(fundingOf(p).filter((f) => f.status !== 'requested' && f.status !== 'declined').map((f) => f.funder))];
  const partyType = (x: Party) => (x.kind === 'city' || x.kind === 'region' ? LOCAL_GOVERNMENT : undefined);
  const implementing = [p.mentor, p.mentee].filter((x) => x.name !== 'tbd');
  return [
    ...funders.map((name) => org(ROLE.funding, name, isReporting(name) ? reportingAttrs : {})),
    org(ROLE.accountable, reporting.name, reportingAttrs),
    org(ROLE.extending, reporting.name, reportingAttrs),
    ...implementing.map((x) => org(ROLE.implementing, x.name, { ...(partyType(x) !== undefined && { type: partyType(x) }) })),
  ];
}

function fundingOf(p: Partnership): Funding[] {
  return (p.funding ?? []) as Funding[];
}

function budgets(p: Partnership, method: Method): XmlElement[] {
  const budget = p.agreement?.terms?.budget;
  const months = p.agreement?.terms?.duration_months;
  const start = mentoringStart(p, method) ?? p.agreement?.approvals?.map((a) => a.date).sort().at(-1);
  if (!budget || !months || !start) return [];
  // The ToR's budget for its whole duration, indicative (BudgetType 1 original, BudgetStatus 1 indicative).
  return [
    el('budget', { type: 1, status: 1 }, [
      el('period-start', { 'iso-date': start }),
      el('period-end', { 'iso-date': addDaysTo(addMonthsTo(start, months), -1) }),
      el('value', { currency: budget.currency, 'value-date': start }, decimal(budget.amount)),
    ]),
  ];
}

function transactions(input: IatiActivityInput): XmlElement[] {
  const { partnership: p, settings } = input;
  const reporting = settings.reporting_org;
  const fallbackDate = agreementDate(p);
  return fundingOf(p).flatMap((f) => {
    if ((f.status !== 'committed' && f.status !== 'received') || f.in_kind === true || f.amount === undefined) return [];
    const own = f.funder.trim().toLowerCase() === reporting.name.trim().toLowerCase();
    const type = own
      ? f.status === 'committed' ? TRANSACTION.outgoingCommitment : TRANSACTION.disbursement
      : f.status === 'committed' ? TRANSACTION.incomingCommitment : TRANSACTION.incomingFunds;
    const date = f.date ?? fallbackDate;
    return [
      el('transaction', {}, [
        el('transaction-type', { code: type }),
        el('transaction-date', { 'iso-date': date }),
        el('value', { currency: f.currency, 'value-date': date }, decimal(f.amount)),
        ...(f.note ? [el('description', {}, narrative(f.note))] : []),
        own
          ? el('provider-org', { ref: reporting.ref, type: reporting.type }, narrative(reporting.name))
          : el('provider-org', {}, narrative(f.funder)),
        ...(own ? [] : [el('receiver-org', { ref: reporting.ref, type: reporting.type }, narrative(reporting.name))]),
      ]),
    ];
  });
}

/**
 * The targets as results: ResultType 2 (outcome), each with one qualitative indicator (IndicatorMeasure 5)
 * over the period from entering mentoring to its due date; an achieved target's result as the actual.
 */
function results(p: Partnership, lang: Lang, method: Method): XmlElement[] {
  const baseline = translator(lang)('label.baseline');
  const start = mentoringStart(p, method) ?? p.history[0]!.date;
  return (p.targets ?? []).map((t) => {
    const comment = (text: string) => el('comment', {}, narrative(text));
    const period = el('period', {}, [
      el('period-start', { 'iso-date': start < t.due ? start : t.due }),
      el('period-end', { 'iso-date': t.due }),
      el('target', {}, [comment(t.indicator)]),
      ...(t.status === 'achieved' ? [el('actual', {}, [comment(t.result ?? t.indicator)])] : []),
    ]);
    return el('result', { type: 2 }, [
      el('title', {}, narrative(t.title)),
      el('indicator', { measure: 5 }, [
        el('title', {}, narrative(t.indicator)),
        ...(t.baseline ? [el('description', {}, narrative(`${baseline}: ${t.baseline}`))] : []),
        period,
      ]),
    ]);
  });
}

/** One partnership as an iati-activity element. */
export function iatiActivity(input: IatiActivityInput): XmlElement {
  const { partnership: p, settings, lang, langs } = input;
  const reporting = settings.reporting_org;
  const objectives = p.agreement?.terms?.objectives ?? [];
  return el('iati-activity', { 'last-updated-datetime': `${input.lastUpdated}T00:00:00Z`, 'xml:lang': lang }, [
    el('iati-identifier', {}, iatiIdentifier(settings, p.id)),
    el('reporting-org', { ref: reporting.ref, type: reporting.type }, narrative(reporting.name)),
    el('title', {}, narrative(p.title)),
    el('description', { type: 1 }, narratives(langs.map((l) => ({ lang: l, text: summary(input, l) })), lang)),
    ...(objectives.length > 0 ? [el('description', { type: 2 }, narrative(objectives.map((o) => `- ${o}`).join('\n')))] : []),
    ...participatingOrgs(input),
    el('activity-status', { code: CODE_LIST_STATUS(p, input.method) }),
    ...activityDates(p, input.method),
    ...(p.mentee.country ? [el('recipient-country', { code: p.mentee.country })] : []),
    el('sector', { vocabulary: 1, code: SECTOR_DECENTRALISATION }),
    ...budgets(p, input.method),
    ...transactions(input),
    ...results(p, lang, input.method),
  ]);
}

/** The iati-activities document element around the activities. */
export function iatiActivities(activities: XmlElement[], generated: string): XmlElement {
  return el('iati-activities', { version: IATI_VERSION, 'generated-datetime': `${generated}T00:00:00Z` }, activities);
}
