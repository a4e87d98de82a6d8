import { Planter, type Expected } from './plant.js';

// A copy of the examples with about forty problems planted, most of them a different code, each
// in a different place, so that one `mentor validate` run must report every one of them.

export const AS_OF = '2011-03-31';

const P = (id: string) => `partnerships/${id}/partnership.yaml`;
const S = (id: string, name: string) => `partnerships/${id}/sessions/${name}.yaml`;

const RC = 'rosario-ciudad-sur';
const B = 'bergen-mombasa';
const DA = 'durban-alan';
const DM = 'durban-mzuzu';
const EB = 'ekurhuleni-blantyre';
const JL = 'johannesburg-lilongwe';

const minimalSession = (date: string, title: string) =>
  `date: ${date}\ntitle: ${title}\ntype: remote\nlevel: technical\nhost: remote\n`;

export interface PlantedRepo {
  planter: Planter;
  expected: Expected[];
  /** Files that hold a planted problem (or are themselves one). */
  touched: Set<string>;
}

/** Plant every problem into the repository at `root` (a copy of the examples). */
export function plantProblems(root: string): PlantedRepo {
  const t = new Planter(root);

  // mentor.yaml: a misspelt key of the repository settings.
  t.replace('mentor.yaml', 'programme: UCLG', 'progamme: UCLG').expect('MTR012', 'mentor.yaml', 'progamme:', 'progamme');

  // Rosario - Ciudad Sur
  t.replace(P(RC), 'stage: mentoring\nstatus: active', 'stge: mentoring\nstatus: active')
    .expect('MTR012', P(RC), 'stge: mentoring', 'stge');
  const taller = S(RC, '2011-03-07-taller-de-diagnostico-estrategico-territorial');
  t.replace(taller, '    role: Actores locales invitados\n', '')
    .expect('MTR010', taller, '  - name: Organizaciones sociales', 'name')
    .replace(taller, '    organisation: Municipalidad de Rosario\n', '    organization: Municipalidad de Rosario\n')
    .expect('MTR012', taller, 'organization: Municipalidad', 'organization')
    .replace(taller, '  - plan-estrategico\n', '  - Plan_Estrategico\n')
    .expect('MTR017', taller, '  - Plan_Estrategico', 'Plan_')
    .expect('MTR040', taller, '  - Plan_Estrategico', 'Plan_');
  t.write(S(RC, 'notes'), minimalSession('2011-03-21', 'Notas de seguimiento')).expect('MTR022', S(RC, 'notes'));
  t.write(S(RC, '2011-03-22-empty'), '').expect('MTR011', S(RC, '2011-03-22-empty'));

  // Bergen - Mombasa: its partnership.yaml is written with CRLF and a BOM; positions must not move.
  t.crlfWithBom(P(B))
    .replace(P(B), '  kind: city\n  country: KE\n', '  kind: city\n  country: Kenya\n')
    .expect('MTR015', P(B), 'country: Kenya', 'Kenya')
    .replace(P(B), '  - stage: mentoring\n    date: 2010-05-17\n', '  - stage: mentoring\n    date: 2010-05-17\n  - stage: setup\n    date: 2010-06-01\n  - stage: mentoring\n    date: 2010-06-02\n')
    .expect('MTR033', P(B), '- stage: setup\n    date: 2010-06-01', 'setup')
    .replace(
      P(B),
      '    due: 2011-12-31\n    status: not-started\nmilestones:',
      '    due: 2011-12-31\n    status: not-started\n  - id: land-information\n    title: Land information, second phase\n    indicator: Base map of the whole island\n    due: 2011-12-31\n    status: not-started\nmilestones:',
    )
    .expect('MTR044', P(B), '- id: land-information\n    title: Land information, second', 'land-information');
  const bergenVisit = S(B, '2010-10-18-study-visit-to-bergen');
  t.replace(bergenVisit, 'end: 2010-10-22', 'end: 2010-10-16').expect('MTR042', bergenVisit, 'end: 2010-10-16', '2010-10-16');
  const survey = S(B, '2011-02-14-land-use-survey-of-the-pilot-area');
  t.replace(survey, 'level: technical', 'level: tecnical').expect('MTR013', survey, 'level: tecnical', 'tecnical');
  const copy = S(B, '2010-06-07-zz-copy'); // sorts after the original, so the copy is the second one
  t.write(copy, t.text(S(B, '2010-06-07-first-contact-session-in-mombasa'))).expect('MTR043', copy, 'title: First contact', 'First');
  const latin1 = S(B, '2011-03-01-notas-en-latin-1');
  t.writeBytes(latin1, Buffer.from(minimalSession('2011-03-01', 'Reunión técnica'), 'latin1')).expect('MTR006', latin1);

  // Durban - ALAN: recorded in mentoring by hand, without any target (the gate needs 1 to 5).
  t.replace(P(DA), 'stage: setup\nstatus: active', 'stage: mentoring\nstatus: active')
    .replace(P(DA), '    date: 2011-01-24\n', '    date: 2011-01-24\n  - stage: mentoring\n    date: 2011-03-04\n')
    .expect('MTR050', P(DA), 'stage: mentoring\nstatus', 'mentoring');

  // Durban - Mzuzu
  t.replace(P(DM), 'request:\n  date: 2009-08-10', 'request:\n  date: 2010-09-01');
  const mzuzuFirst = S(DM, '2010-08-09-first-contact-session-in-mzuzu');
  t.expect('MTR041', mzuzuFirst, 'date: 2010-08-09', '2010-08-09');
  t.replace(P(DM), '  - stage: mentoring\n    date: 2010-07-05\n', '  - stage: mentoring\n    date: 2010-07-05\n    forced: true\n')
    .expect('MTR034', P(DM), '  - stage: mentoring\n    date: 2010-07-05', 'stage');
  const durbanVisit = S(DM, '2010-11-08-study-visit-to-durban');
  t.replace(durbanVisit, '    organisation: eThekwini Municipality\n    role: Hosts', '   organisation: eThekwini Municipality\n    role: Hosts')
    .expect('MTR001', durbanVisit, '   organisation: eThekwini', 'organisation');
  const review = S(DM, '2011-02-21-planning-approvals-review');
  t.replace(review, 'location: Mzuzu City Council, Mzuzu, Malawi', 'location: [Mzuzu City Council, Malawi]')
    .expect('MTR011', review, 'location: [Mzuzu', '[');
  t.write(`partnerships/${DM}/notes.yaml`, 'note: a stray file\n').expect('MTR024', `partnerships/${DM}/notes.yaml`);

  // Ekurhuleni - Blantyre
  t.replace(P(EB), 'title: Ekurhuleni – Blantyre\n', 'title: Ekurhuleni – Blantyre\ntitle: Ekurhuleni and Blantyre\n')
    .expect('MTR002', P(EB), 'title: Ekurhuleni and Blantyre', 'title')
    .replace(P(EB), '    date: 2010-05-10', '    date: 2010-01-10')
    .expect('MTR030', P(EB), 'date: 2010-01-10', '2010-01-10')
    .replace(P(EB), '    currency: NOK', '    currency: NOX')
    .expect('MTR016', P(EB), 'currency: NOX', 'NOX')
    .replace(P(EB), 'stage: agreement\nstatus: active', 'stage: assessment\nstatus: active')
    .expect('MTR031', P(EB), 'stage: assessment\nstatus', 'assessment');
  const mission = S(EB, '2010-09-13-needs-assessment-mission-to-blantyre');
  t.replace(mission, 'title: Needs assessment', 'title: !!str Needs assessment').expect('MTR004', mission, 'title: !!str', '!!str');
  const conference = S(EB, '2011-01-20-terms-of-reference-video-conference');
  t.write(conference, `${t.text(conference)}---\ndate: 2011-01-21\n`).expect('MTR005', conference, '---\ndate: 2011-01-21', '---');
  const call = S(EB, '2011-03-10-follow-up-call');
  t.write(call, minimalSession('2011-03-11', 'Follow-up call')).expect('MTR023', call, 'date: 2011-03-11', '2011-03-11');

  // Johannesburg - Lilongwe
  t.replace(P(JL), 'id: johannesburg-lilongwe\n', 'id: johannesburg-lilongw\n')
    .expect('MTR020', P(JL), 'id: johannesburg-lilongw\n', 'johannesburg')
    .replace(P(JL), 'status: active', 'status: suspended')
    .expect('MTR032', P(JL), 'status: suspended', 'suspended')
    .replace(P(JL), '      role: Deputy Director, Policy and Strategy\n', '      role: Deputy Director, Policy and Strategy\n      email: jan.erasmus at joburg\n')
    .expect('MTR018', P(JL), 'email: jan.erasmus at joburg', 'jan.erasmus');
  const evaluationPrep = S(JL, '2011-03-14-implementation-review-and-evaluation-preparation');
  t.replace(evaluationPrep, '    due: 2011-05-13', '    due: 2011-02-30')
    .expect('MTR014', evaluationPrep, 'due: 2011-02-30', '2011-02-30')
    .replace(evaluationPrep, '  - visible-changes\noutcomes:', '  - visible-change\noutcomes:')
    .expect('MTR040', evaluationPrep, '  - visible-change\n', 'visible-change');
  const byLaws = S(JL, '2011-01-24-implementation-review-of-by-laws-and-markets');
  t.replace(byLaws, '    amount: 6700', '    amount: "6700"').expect('MTR011', byLaws, 'amount: "6700"', '"6700"');
  const capital = S(JL, '2010-10-18-capital-investment-programme');
  t.replace(capital, 'host: mentee\nlocation', 'host: &who mentee\nlocation')
    .replace(capital, '    role: Director of Finance\n    side: mentee', '    role: Director of Finance\n    side: *who')
    .expect('MTR003', capital, 'host: &who', '&who')
    .expect('MTR003', capital, 'side: *who', '*who');

  // Stall alerts (MTR067-070): an open action past due, mentoring past the ToR's months, a request
  // that never moved, a long suspension.
  t.replace(review, '    due: 2011-04-29', '    due: 2011-03-15').expect('MTR067', review, 'due: 2011-03-15', '2011-03-15');
  t.replace(P(B), '    duration_months: 18', '    duration_months: 9').expect('MTR069', P(B), 'stage: mentoring\nstatus: active', 'mentoring');
  const request = (id: string, lines: string) =>
    `id: ${id}\ntitle: Mzuzu request\nmentor:\n  name: tbd\nmentee:\n  name: Mzuzu City Council\n  kind: city\n  country: MW\n${lines}request:\n  date: 2010-03-01\n  from: Mzuzu City Council\n  topic: Planning approvals\n`;
  t.write(P('mzuzu-request'), request('mzuzu-request', 'stage: request\nstatus: active\nhistory:\n  - stage: request\n    date: 2010-03-01\n'))
    .expect('MTR068', P('mzuzu-request'), 'stage: request\nstatus', 'request');
  t.write(P('mzuzu-suspended'), request('mzuzu-suspended', 'stage: request\nstatus: suspended\nhistory:\n  - stage: request\n    date: 2010-03-01\n  - status: suspended\n    date: 2010-06-01\n    reason: Local elections postponed\n'))
    .expect('MTR070', P('mzuzu-suspended'), 'status: suspended\nhistory', 'suspended');

  // A partnership folder without its partnership.yaml.
  t.write('partnerships/old-drafts/README.md', 'Drafts of a partnership never requested.\n').expect('MTR021', 'partnerships/old-drafts');

  const expected = t.commit();
  return { planter: t, expected, touched: new Set(expected.map((e) => e.file)) };
}

