// A new partnership, not among the examples, taken from request to closed with the command line
// and hand edits of its YAML alone: every gate refuses (exit 1, naming what is missing) until its
// data is recorded, and the repository validates clean at the end.
//
// Ekurhuleni (mentor of Blantyre in the article) takes on Mzuzu (mentored by Durban on urban
// planning) for its revenue collection; the mentor is still "tbd" when Mzuzu's request arrives.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { copyOfExamples, mentor } from '../helpers/cli.js';
import { appendToPartnership, editPartnership, NEW_ID, readPartnershipText } from '../lifecycle/support.js';

const ID = NEW_ID;

interface Partnership {
  stage: string;
  status: string;
  mentor: Record<string, unknown>;
  history: { stage?: string; status?: string; date: string; note?: string; forced?: boolean }[];
}

describe('a partnership from request to closed, by command line and hand edits', () => {
  it('walks every gate', () => {
    const root = copyOfExamples();
    const run = (...args: string[]) => mentor(args, { cwd: root });
    const data = () => parse(readPartnershipText(root, ID)) as Partnership;

    /** A move that must be refused (exit 1) naming each missing field, and none of the fields already recorded. */
    const refused = (args: string[], missing: string[], present: string[] = []) => {
      const before = readPartnershipText(root, ID);
      const result = run('advance', ID, ...args);
      expect(result.code, result.stderr).toBe(1);
      for (const field of missing) expect(result.stderr).toContain(field);
      for (const field of present) expect(result.stderr).not.toContain(field);
      expect(readPartnershipText(root, ID), 'a refused move writes nothing').toBe(before);
      return result;
    };
    const moved = (args: string[], from: string, to: string) => {
      const result = run('advance', ID, ...args);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain(`${ID}: ${from} → ${to}`);
      expect(data().stage).toBe(to);
      return result;
    };

    // 1. request: the mentor is still to be found.
    let result = run(
      'init', ID,
      '--mentor', 'tbd',
      '--mentee', 'Mzuzu City Council', '--mentee-country', 'MW',
      '--topic', 'Revenue collection and a debt-recovery strategy',
      '--requested-by', 'Mzuzu City Council, through MALGA',
      '--focus', 'municipal finance',
      '--date', '2011-04-04',
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe(`partnerships/${ID}/partnership.yaml`);
    expect(data()).toMatchObject({ stage: 'request', status: 'active', mentor: { name: 'tbd' }, history: [{ stage: 'request', date: '2011-04-04' }] });
    expect(data().mentor).not.toHaveProperty('country');
    expect(parse(readPartnershipText(root, ID))).toMatchObject({ request: { date: '2011-04-04', from: 'Mzuzu City Council, through MALGA' }, focus: ['municipal finance'] });
    expect(run('validate', `partnerships/${ID}`, '--as-of', '2011-04-04').code).toBe(0);

    // 2. assessment: the request is recorded by init.
    expect(run('status', ID, '--as-of', '2011-04-05').stdout).toContain('Next stage: assessment');
    moved(['--date', '2011-04-11'], 'request', 'assessment');

    // 3. agreement: the assessment, then a mentor other than tbd.
    const agreementGate = ['assessment.date', 'assessment.lga', 'assessment.interest_confirmed', 'mentor.name'];
    refused(['--date', '2011-05-16'], agreementGate);
    result = run('advance', ID, '--date', '2011-05-16', '--dry-run');
    expect(result.code, 'a refused move exits 1 with --dry-run too').toBe(1);
    for (const field of agreementGate) expect(result.stdout).toContain(field);
    appendToPartnership(
      root,
      ID,
      `assessment:
  date: 2011-04-27
  lga: Malawi Local Government Association (MALGA)
  interest_confirmed: true
  summary: Mzuzu's rates and service charges go largely uncollected; MALGA supports the request.
`,
    );
    refused(['--date', '2011-05-16'], ['mentor.name'], ['assessment.date', 'assessment.lga', 'assessment.interest_confirmed']);
    editPartnership(
      root,
      ID,
      'mentor:\n  name: tbd\n',
      'mentor:\n  name: Ekurhuleni Metropolitan Municipality\n  kind: city\n  country: ZA\n  lga: South African Local Government Association (SALGA)\n',
    );
    moved(['--date', '2011-05-16', '--note', 'Ekurhuleni agreed to mentor Mzuzu'], 'assessment', 'agreement');

    // 4. setup: political approval on both sides and the Terms of Reference.
    refused(['--date', '2011-06-20'], ['political approval on the mentor side', 'political approval on the mentee side', 'agreement.terms.objectives', 'agreement.terms.duration_months', 'agreement.terms.evaluation_method']);
    appendToPartnership(
      root,
      ID,
      `agreement:
  approvals:
    - side: mentor
      body: Mayoral Committee, Ekurhuleni Metropolitan Municipality
      date: 2011-06-02
  terms:
    objectives:
      - A debt-recovery strategy for the council's rates and service charges.
    duration_months: 12
    evaluation_method: Joint self-assessment on the six OECD DAC criteria plus ownership (1 to 4).
`,
    );
    refused(['--date', '2011-06-20'], ['political approval on the mentee side'], ['political approval on the mentor side', 'agreement.terms']);
    editPartnership(
      root,
      ID,
      '      date: 2011-06-02\n',
      '      date: 2011-06-02\n    - side: mentee\n      body: Mzuzu City Council (Chief Executive, in the absence of an elected council)\n      date: 2011-06-16\n',
    );
    moved(['--date', '2011-06-20'], 'agreement', 'setup');

    // 5. mentoring: a task force led on the mentee side, and 1 to 5 targets.
    refused(['--date', '2011-07-11'], ['→ task_force', '→ targets']);
    appendToPartnership(
      root,
      ID,
      `task_force:
  - name: Treasurer, Mzuzu City Council
    role: Task force lead
    side: mentee
    lead: true
  - name: Finance team, Ekurhuleni Metropolitan Municipality
    role: Mentor team
    side: mentor
`,
    );
    refused(['--date', '2011-07-11'], ['→ targets'], ['→ task_force']);
    appendToPartnership(
      root,
      ID,
      `targets:
  - id: debt-recovery
    title: Debt-recovery strategy
    indicator: Strategy adopted by the council
    baseline: No strategy; arrears not measured
    due: 2012-05-31
    status: in-progress
`,
    );
    moved(['--date', '2011-07-11'], 'setup', 'mentoring');

    // 6. evaluation: plain advance from mentoring, once a session is logged.
    refused(['--date', '2012-06-04'], ['at least one session logged', 'mentor session add']);
    result = run(
      'session', 'add', ID,
      '--date', '2011-08-15', '--end', '2011-08-17',
      '--title', 'First contact session in Mzuzu',
      '--type', 'contact', '--level', 'technical', '--host', 'mentee',
      '--location', 'Mzuzu, Malawi',
      '--participant', 'Treasurer; Mzuzu City Council; Task force lead; mentee',
      '--participant', 'Finance team; Ekurhuleni Metropolitan Municipality; Mentor team; mentor',
      '--topic', 'Rates arrears',
      '--target', 'debt-recovery',
      '--outcome', 'Arrears inventory started.',
      '--action', 'Inventory of rates arrears; Revenue section, Mzuzu City Council; 2011-10-31',
    );
    expect(result.code, result.stderr).toBe(0);
    const sessionFile = result.stdout.trim();
    expect(sessionFile).toBe(`partnerships/${ID}/sessions/2011-08-15-first-contact-session-in-mzuzu.yaml`);
    expect(parse(readFileSync(path.join(root, sessionFile), 'utf8'))).toMatchObject({
      date: '2011-08-15',
      end: '2011-08-17',
      participants: [{ name: 'Treasurer', organisation: 'Mzuzu City Council', role: 'Task force lead', side: 'mentee' }, { side: 'mentor' }],
      targets: ['debt-recovery'],
      actions: [{ what: 'Inventory of rates arrears', owner: 'Revenue section, Mzuzu City Council', due: '2011-10-31', status: 'open' }],
    });
    result = run('session', 'add', ID, '--date', '2012-02-13', '--title', 'Study visit to Ekurhuleni', '--type', 'study-visit', '--level', 'technical', '--host', 'mentor', '--location', 'Germiston, Ekurhuleni');
    expect(result.code, result.stderr).toBe(0);
    moved(['--date', '2012-06-04'], 'mentoring', 'evaluation');

    // 7. launch: plain advance from evaluation, once the product is adopted.
    refused(['--date', '2012-07-02'], ['product.title', 'product.adopted'], ['at least one session logged']);
    appendToPartnership(
      root,
      ID,
      `product:
  kind: strategy
  title: Mzuzu debt-recovery strategy
  adopted: 2012-05-24
`,
    );
    moved(['--date', '2012-07-02'], 'evaluation', 'launch');

    // 8. promotion: all seven ratings and the launch date.
    refused(['--date', '2012-09-03'], ['evaluation', 'product.launched']);
    appendToPartnership(
      root,
      ID,
      `evaluation:
  date: 2012-08-20
  ratings:
    relevance: 4
    coherence: 3
    effectiveness: 3
    efficiency: 3
    impact: 2
    sustainability: 3
`,
    );
    // Six of the seven ratings fail validate (the schema wants all seven): advance refuses the file
    // itself (exit 1), showing validate's problem, before evaluating any gate.
    refused(['--date', '2012-09-03'], ['error MTR010 missing required key "ownership"', 'nothing was changed', '`mentor validate partnerships/ekurhuleni-mzuzu` shows the same']);
    editPartnership(root, ID, '    sustainability: 3\n', '    sustainability: 3\n    ownership: 4\n');
    refused(['--date', '2012-09-03'], ['product.launched'], ['missing ratings']);
    editPartnership(root, ID, '  adopted: 2012-05-24\n', '  adopted: 2012-05-24\n  launched: 2012-07-02\n');
    moved(['--date', '2012-09-03'], 'launch', 'promotion');

    // 9. closed: the handover, with who owns the follow-up.
    refused(['--date', '2012-10-01'], ['handover.date', 'handover.owner']);
    appendToPartnership(root, ID, 'handover:\n  date: 2012-10-01\n  owner: Treasurer, Mzuzu City Council\n');
    moved(['--date', '2012-10-01', '--note', 'Control handed back to Mzuzu'], 'promotion', 'closed');

    const final = data();
    expect(final.status).toBe('closed');
    expect(final.history.map((h) => [h.stage, h.date])).toEqual([
      ['request', '2011-04-04'],
      ['assessment', '2011-04-11'],
      ['agreement', '2011-05-16'],
      ['setup', '2011-06-20'],
      ['mentoring', '2011-07-11'],
      ['evaluation', '2012-06-04'],
      ['launch', '2012-07-02'],
      ['promotion', '2012-09-03'],
      ['closed', '2012-10-01'],
    ]);
    expect(final.history.some((h) => h.forced)).toBe(false);

    // The new partnership is clean (not even a warning), and so is the whole repository.
    result = run('validate', `partnerships/${ID}`, '--as-of', '2012-10-31', '--format', 'json');
    expect(result.code, result.stdout).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, errors: 0, warnings: 0, problems: [] });
    result = run('validate', '--as-of', '2012-10-31', '--format', 'json');
    expect(result.code, result.stdout).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, errors: 0 });

    // Closed is the end of the road.
    result = run('advance', ID, '--date', '2012-11-01');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('closed');
    expect(existsSync(path.join(root, 'partnerships', ID, '.partnership.yaml.lock')), 'no lock file is left behind').toBe(false);
  });
});
