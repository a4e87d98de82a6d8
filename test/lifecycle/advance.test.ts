// The moves of SPEC section 1, run as operations on temporary copies of the examples with fixed
// dates: which stage plain `advance` takes, when --to may skip ahead, forced moves back, the
// status that follows closed, and what `validate` says after a forced move.

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkPartnership } from '../../src/check/partnership.js';
import { MentorError, ProblemsError } from '../../src/errors.js';
import type { StageId } from '../../src/model/constants.js';
import { advancePartnership, type AdvanceOptions, type AdvanceResult } from '../../src/ops/advance.js';
import { initPartnership } from '../../src/ops/init.js';
import { changeStatus } from '../../src/ops/status-change.js';
import { validateRepository } from '../../src/ops/validate.js';
import { evaluateGate } from '../../src/roadmap/index.js';
import { openRepository } from '../../src/store/repository.js';
import { copyOfExamples } from '../helpers/cli.js';
import { appendToPartnership, editPartnership, readPartnershipText } from './support.js';
import { uclg } from '../helpers/method.js';

interface Data {
  stage: string;
  status: string;
  history: { stage?: string; status?: string; date: string; note?: string; forced?: boolean; reason?: string }[];
}
const read = (root: string, id: string) => parse(readPartnershipText(root, id)) as Data;

const advance = (root: string, id: string, options: Partial<Omit<AdvanceOptions, 'id'>> = {}): AdvanceResult => {
  const date = options.date ?? '2011-03-31';
  return advancePartnership(openRepository(root), { id, date, today: date, ...options });
};

function thrown(fn: () => unknown): MentorError {
  try {
    fn();
  } catch (error) {
    if (error instanceof MentorError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

const PRODUCT = `product:
  kind: strategy
  title: Mzuzu urban development strategy framework
  adopted: 2011-03-21
`;
const EVALUATION = `evaluation:
  date: 2011-03-25
  ratings: {relevance: 4, coherence: 3, effectiveness: 3, efficiency: 3, impact: 2, sustainability: 3, ownership: 4}
`;
const HANDOVER = `handover:
  date: 2011-03-30
  owner: Director of Planning and Development, Mzuzu City Council
`;
/** durban-mzuzu (at mentoring, 3 sessions) with its product adopted, launched, evaluated and handed over. */
function complete(root: string): void {
  appendToPartnership(root, 'durban-mzuzu', PRODUCT.replace('  adopted: 2011-03-21\n', '  adopted: 2011-03-21\n  launched: 2011-03-24\n') + EVALUATION + HANDOVER);
}

/** The unmet requirements of a stage's gate, evaluated on the facts of the partnership's files as they are. */
function unmetGate(root: string, id: string, stage: StageId) {
  const check = checkPartnership(openRepository(root).folder(id), '2011-03-31', uclg);
  return evaluateGate(uclg, stage, { partnership: check.facts ?? {}, sessionCount: check.sessionCount }).requirements.filter((r) => !r.met);
}

async function problems(root: string, id: string, today = '2011-03-31') {
  return (await validateRepository(openRepository(root), { cwd: root, paths: [`partnerships/${id}`], today })).problems;
}

describe('plain advance takes the next stage of the roadmap', () => {
  it.each([
    ['ekurhuleni-blantyre', 'agreement', 'setup'],
    ['durban-alan', 'setup', 'mentoring'],
    ['durban-mzuzu', 'mentoring', 'evaluation'],
    ['johannesburg-lilongwe', 'launch', 'evaluation'],
  ])('%s: from %s the next stage is %s', (id, from, to) => {
    const result = advance(copyOfExamples(), id, { dryRun: true });
    expect(result).toMatchObject({ from, to });
  });

  it('from mentoring: evaluation, then launch, then promotion, then closed', async () => {
    const root = copyOfExamples();
    complete(root);
    for (const [from, to] of [['mentoring', 'evaluation'], ['evaluation', 'launch'], ['launch', 'promotion'], ['promotion', 'closed']]) {
      expect(advance(root, 'durban-mzuzu')).toMatchObject({ outcome: 'moved', from, to, forced: false });
    }
    const data = read(root, 'durban-mzuzu');
    expect(data.history.slice(5).map((h) => h.stage)).toEqual(['evaluation', 'launch', 'promotion', 'closed']);
    expect(data.status).toBe('closed');
    expect(await problems(root, 'durban-mzuzu')).toEqual([]);
  });

  it('from launch (Lilongwe launched its strategy first): evaluation, then promotion', () => {
    const root = copyOfExamples();
    const id = 'johannesburg-lilongwe';
    expect(advance(root, id)).toMatchObject({ outcome: 'moved', from: 'launch', to: 'evaluation' });
    const next = advance(root, id, { dryRun: true });
    expect(next.to).toBe('promotion');
    // Lilongwe has not been evaluated yet: promotion's gate names the evaluation.
    expect(next.outcome).toBe('refused');
    expect(next.gates.flatMap((g) => g.requirements.filter((r) => !r.met).map((r) => r.id))).toContain('evaluation.ratings');
  });
});

describe('the gates of the first stages', () => {
  it('assessment needs the request recorded: a request removed by hand is refused, naming date, sender and topic', () => {
    const root = copyOfExamples();
    initPartnership({ repoStart: root, id: 'ekurhuleni-mzuzu', mentor: { name: 'tbd' }, mentee: { name: 'Mzuzu City Council', country: 'MW' }, topic: 'Revenue collection', date: '2011-04-04' });
    editPartnership(root, 'ekurhuleni-mzuzu', 'request:\n  date: 2011-04-04\n  from: Mzuzu City Council\n  topic: Revenue collection\n', 'request:\n  date: 2011-04-04\n');
    const before = readPartnershipText(root, 'ekurhuleni-mzuzu');
    // A request without sender and topic fails validate: advance now refuses the file itself (exit 1,
    // validate's problems) before planning any move, and writes nothing.
    const refused = thrown(() => advance(root, 'ekurhuleni-mzuzu', { date: '2011-04-11' }));
    expect(refused).toBeInstanceOf(ProblemsError);
    expect(refused.exitCode).toBe(1);
    expect((refused as ProblemsError).report.problems.filter((p) => p.code === 'MTR010').map((p) => p.message)).toEqual(['missing required key "from"', 'missing required key "topic"']);
    expect(readPartnershipText(root, 'ekurhuleni-mzuzu')).toBe(before);
    // The gate of assessment, evaluated on what the file says, names the sender and the topic.
    expect(unmetGate(root, 'ekurhuleni-mzuzu', 'assessment').map((r) => r.field)).toEqual(['request.from', 'request.topic']);
    editPartnership(root, 'ekurhuleni-mzuzu', 'request:\n  date: 2011-04-04\n', 'request:\n  date: 2011-04-04\n  from: MALGA\n  topic: Revenue collection\n');
    expect(advance(root, 'ekurhuleni-mzuzu', { date: '2011-04-11' })).toMatchObject({ outcome: 'moved', to: 'assessment' });
  });

  it('agreement needs a mentor other than "tbd", with its country', () => {
    const root = copyOfExamples();
    initPartnership({ repoStart: root, id: 'ekurhuleni-mzuzu', mentor: { name: 'tbd' }, mentee: { name: 'Mzuzu City Council', country: 'MW' }, topic: 'Revenue collection', date: '2011-04-04' });
    advance(root, 'ekurhuleni-mzuzu', { date: '2011-04-11' });
    appendToPartnership(root, 'ekurhuleni-mzuzu', 'assessment:\n  date: 2011-04-27\n  lga: Malawi Local Government Association (MALGA)\n  interest_confirmed: true\n');
    const unmet = () => advance(root, 'ekurhuleni-mzuzu', { date: '2011-05-16', dryRun: true }).gates[0]!.requirements.filter((r) => !r.met).map((r) => r.id);
    expect(unmet()).toEqual(['mentor.identified']);
    editPartnership(root, 'ekurhuleni-mzuzu', '  name: tbd\n', '  name: Ekurhuleni Metropolitan Municipality\n  kind: city\n');
    // A named mentor without its country fails validate: the dry run now refuses the file itself (exit 1).
    const refused = thrown(() => unmet());
    expect(refused).toBeInstanceOf(ProblemsError);
    expect(refused.exitCode).toBe(1);
    expect((refused as ProblemsError).report.problems.map((p) => p.message)).toEqual(['missing required key "country"']);
    expect(unmetGate(root, 'ekurhuleni-mzuzu', 'agreement').map((r) => r.id), 'a mentor without a country is not identified yet').toEqual(['mentor.identified']);
    editPartnership(root, 'ekurhuleni-mzuzu', 'Municipality\n  kind: city\n', 'Municipality\n  kind: city\n  country: ZA\n');
    expect(unmet()).toEqual([]);
  });
});

describe('targets: 1 to 5 to enter mentoring, more is then only a warning', () => {
  const target = (n: number) => `  - id: target-${n}\n    title: Target ${n}\n    indicator: Indicator ${n}\n    due: 2011-12-31\n    status: not-started\n`;

  it('six targets keep durban-alan out of mentoring; five let it in; a sixth added later is a warning (MTR063), not an error', async () => {
    const root = copyOfExamples();
    const id = 'durban-alan'; // at setup with a task force, no targets yet
    appendToPartnership(root, id, 'targets:\n' + [1, 2, 3, 4, 5, 6].map(target).join(''));
    const refused = advance(root, id);
    expect(refused).toMatchObject({ outcome: 'refused', to: 'mentoring' });
    expect(refused.gates[0]!.requirements.filter((r) => !r.met).map((r) => [r.field, r.detail])).toEqual([['targets', 'there are 6']]);
    editPartnership(root, id, target(6), '');
    expect(advance(root, id)).toMatchObject({ outcome: 'moved', to: 'mentoring' });
    editPartnership(root, id, target(5), target(5) + target(6));
    const found = await problems(root, id);
    expect(found.filter((p) => p.severity === 'error')).toEqual([]);
    expect(found.filter((p) => p.code === 'MTR063').map((p) => p.severity)).toEqual(['warning']);
  });

  it('no target at all keeps a partnership out of mentoring', () => {
    const root = copyOfExamples();
    const refused = advance(root, 'durban-alan');
    expect(refused.gates[0]!.requirements.filter((r) => !r.met).map((r) => r.field)).toContain('targets');
  });
});

describe('--to', () => {
  it('from mentoring, --to launch is allowed when launch’s gate is met, refused while it is not', () => {
    const root = copyOfExamples();
    const refused = advance(root, 'durban-mzuzu', { to: 'launch' });
    expect(refused.outcome).toBe('refused');
    expect(refused.gates.map((g) => g.stage)).toEqual(['launch']);
    expect(refused.gates[0]!.requirements.filter((r) => !r.met).map((r) => r.field)).toEqual(['product.title', 'product.adopted']);
    appendToPartnership(root, 'durban-mzuzu', PRODUCT);
    expect(advance(root, 'durban-mzuzu', { to: 'launch' })).toMatchObject({ outcome: 'moved', from: 'mentoring', to: 'launch' });
    // Then plain advance takes the evaluation, the one of the two not yet entered.
    expect(advance(root, 'durban-mzuzu', { dryRun: true }).to).toBe('evaluation');
  });

  it('skips ahead only when every gate on the way is met, and says which are not', async () => {
    const root = copyOfExamples();
    const id = 'ekurhuleni-blantyre'; // at agreement: Blantyre's approval, the task force and the targets are missing
    const before = readPartnershipText(root, id);
    const refused = advance(root, id, { to: 'mentoring' });
    expect(refused.outcome).toBe('refused');
    expect(refused.refusal).toMatch(/"setup" and "mentoring"/);
    expect(refused.gates.map((g) => [g.stage, g.met])).toEqual([['setup', false], ['mentoring', false]]);
    expect(readPartnershipText(root, id)).toBe(before);

    editPartnership(root, id, '      date: 2011-02-24\n', '      date: 2011-02-24\n    - side: mentee\n      body: Blantyre City Assembly\n      date: 2011-03-17\n');
    expect(advance(root, id, { to: 'mentoring' }).gates.map((g) => [g.stage, g.met])).toEqual([['setup', true], ['mentoring', false]]);
    appendToPartnership(
      root,
      id,
      `task_force:
  - name: Chief Executive, Blantyre City Assembly
    role: Task force lead
    side: mentee
    lead: true
targets:
  - id: strategic-plan
    title: Strategic plan
    indicator: Plan adopted by the Assembly
    due: 2011-12-31
    status: not-started
`,
    );
    expect(advance(root, id, { to: 'mentoring', note: 'straight to mentoring' })).toMatchObject({ outcome: 'moved', from: 'agreement', to: 'mentoring', forced: false });
    expect(read(root, id).history.at(-1)).toEqual({ stage: 'mentoring', date: '2011-03-31', note: 'straight to mentoring' });
    expect((await problems(root, id)).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('from mentoring --to promotion passes the gates of evaluation and launch as well', async () => {
    const root = copyOfExamples();
    const plan = advance(root, 'durban-mzuzu', { to: 'promotion', dryRun: true });
    expect(plan.gates.map((g) => g.stage)).toEqual(['evaluation', 'launch', 'promotion']);
    expect(plan.outcome).toBe('refused');
    complete(root);
    expect(advance(root, 'durban-mzuzu', { to: 'promotion' })).toMatchObject({ outcome: 'moved', to: 'promotion' });
    expect(await problems(root, 'durban-mzuzu')).toEqual([]);
  });

  it('--to the current stage is a usage error', () => {
    const root = copyOfExamples();
    expect(thrown(() => advance(root, 'durban-mzuzu', { to: 'mentoring' })).exitCode).toBe(2);
  });
});

describe('going back, and forcing', () => {
  it('going back is refused without --force, and with --force needs a reason', () => {
    const root = copyOfExamples();
    const before = readPartnershipText(root, 'durban-mzuzu');
    const refused = advance(root, 'durban-mzuzu', { to: 'setup' });
    expect(refused).toMatchObject({ outcome: 'refused', backward: true, gates: [] });
    expect(refused.refusal).toMatch(/--force/);
    expect(advance(root, 'durban-mzuzu', { to: 'setup', dryRun: true }).outcome).toBe('refused');
    expect(thrown(() => advance(root, 'durban-mzuzu', { to: 'setup', force: true })).exitCode).toBe(2);
    expect(thrown(() => advance(root, 'durban-mzuzu', { to: 'setup', force: true, reason: '  ' })).exitCode).toBe(2);
    expect(readPartnershipText(root, 'durban-mzuzu')).toBe(before);
  });

  it('a forced move back is recorded forced: true with its reason, and validates without errors', async () => {
    const root = copyOfExamples();
    const result = advance(root, 'durban-mzuzu', { to: 'setup', force: true, reason: 'Targets renegotiated after the elections' });
    expect(result).toMatchObject({ outcome: 'moved', from: 'mentoring', to: 'setup', forced: true, backward: true });
    const data = read(root, 'durban-mzuzu');
    expect(data.stage).toBe('setup');
    expect(data.history.at(-1)).toEqual({ stage: 'setup', date: '2011-03-31', forced: true, reason: 'Targets renegotiated after the elections' });
    expect((await problems(root, 'durban-mzuzu')).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('a forward move whose gates are met is not marked forced, even with --force; the reason becomes its note', () => {
    const root = copyOfExamples();
    const result = advance(root, 'durban-mzuzu', { force: true, reason: 'just in case' });
    expect(result).toMatchObject({ outcome: 'moved', to: 'evaluation', forced: false });
    expect(read(root, 'durban-mzuzu').history.at(-1)).toEqual({ stage: 'evaluation', date: '2011-03-31', note: 'just in case' });
  });

  it('after a forced move into an unmet gate, validate reports MTR051 warnings, not errors', async () => {
    const root = copyOfExamples();
    const id = 'ekurhuleni-blantyre';
    expect(advance(root, id, { to: 'setup', force: true, reason: "Blantyre's approval delayed by the elections" })).toMatchObject({ outcome: 'moved', forced: true });
    const found = await problems(root, id);
    expect(found.filter((p) => p.severity === 'error')).toEqual([]);
    const gateWarnings = found.filter((p) => p.code === 'MTR051');
    expect(gateWarnings.length).toBeGreaterThan(0);
    for (const p of gateWarnings) expect(p.severity).toBe('warning');
    expect(gateWarnings.map((p) => p.message).join('\n')).toMatch(/mentee side/);
    expect(found.some((p) => p.code === 'MTR050')).toBe(false);
  });

  it('a forced skip over several unmet gates warns about each of them', async () => {
    const root = copyOfExamples();
    const id = 'ekurhuleni-blantyre';
    advance(root, id, { to: 'mentoring', force: true, reason: 'the programme decided to start at once' });
    const found = await problems(root, id);
    expect(found.filter((p) => p.severity === 'error')).toEqual([]);
    const messages = found.filter((p) => p.code === 'MTR051').map((p) => p.message).join('\n');
    expect(messages).toMatch(/mentee side/); // the gate of setup
    expect(messages).toMatch(/task force/); // the gate of mentoring
    expect(messages).toMatch(/targets/);
  });

  it('the same unmet gate written by hand (no forced move) is an error, MTR050', async () => {
    const root = copyOfExamples();
    const id = 'ekurhuleni-blantyre';
    editPartnership(root, id, '\nstage: agreement\n', '\nstage: setup\n');
    editPartnership(root, id, '    note: Terms of Reference being negotiated; Ekurhuleni has approved, Blantyre\'s approval pending.\n', "    note: Terms of Reference being negotiated; Ekurhuleni has approved, Blantyre's approval pending.\n  - stage: setup\n    date: 2011-03-01\n");
    expect((await problems(root, id)).filter((p) => p.code === 'MTR050' && p.severity === 'error').length).toBeGreaterThan(0);
  });
});

describe('closed, and the status that goes with it', () => {
  it('entering closed sets the status closed; a forced move out of it sets it active again', async () => {
    const root = copyOfExamples();
    complete(root);
    expect(advance(root, 'durban-mzuzu', { to: 'closed', note: 'Control handed back to Mzuzu' })).toMatchObject({ outcome: 'moved', to: 'closed' });
    expect(read(root, 'durban-mzuzu')).toMatchObject({ stage: 'closed', status: 'closed' });
    expect(thrown(() => advance(root, 'durban-mzuzu', { date: '2011-04-01' })).exitCode).toBe(2);
    expect(advance(root, 'durban-mzuzu', { to: 'promotion', date: '2011-04-01' }).outcome).toBe('refused');
    expect(advance(root, 'durban-mzuzu', { to: 'promotion', date: '2011-04-01', force: true, reason: 'new owner needed' })).toMatchObject({ outcome: 'moved', forced: true });
    const data = read(root, 'durban-mzuzu');
    expect(data).toMatchObject({ stage: 'promotion', status: 'active' });
    expect(data.history.at(-1)).toEqual({ stage: 'promotion', date: '2011-04-01', forced: true, reason: 'new owner needed' });
    expect((await problems(root, 'durban-mzuzu', '2011-04-01')).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('a suspended or cancelled partnership does not advance until it is resumed', () => {
    const root = copyOfExamples();
    for (const action of ['suspend', 'cancel'] as const) {
      changeStatus(openRepository(root), { id: 'durban-mzuzu', action, date: '2011-03-31', today: '2011-03-31', reason: 'Local elections postponed' });
      const refused = advance(root, 'durban-mzuzu');
      expect(refused.outcome).toBe('refused');
      expect(refused.refusal).toMatch(/resume/);
      changeStatus(openRepository(root), { id: 'durban-mzuzu', action: 'resume', date: '2011-03-31', today: '2011-03-31' });
    }
    expect(advance(root, 'durban-mzuzu')).toMatchObject({ outcome: 'moved', to: 'evaluation' });
  });
});

describe('dates', () => {
  it('a --date earlier than the last history entry is refused (exit 2), also in a dry run', () => {
    const root = copyOfExamples();
    const before = readPartnershipText(root, 'durban-mzuzu');
    for (const dryRun of [false, true]) {
      const error = thrown(() => advance(root, 'durban-mzuzu', { date: '2010-07-04', dryRun }));
      expect(error.exitCode).toBe(2);
      expect(error.message).toContain('2010-07-05');
    }
    expect(readPartnershipText(root, 'durban-mzuzu')).toBe(before);
  });

  it('the same day as the last entry is fine', () => {
    const root = copyOfExamples();
    expect(advance(root, 'durban-mzuzu', { date: '2010-07-05' }).outcome).toBe('moved');
  });

  it('history dates are written as given, as strings', () => {
    const root = copyOfExamples();
    advance(root, 'durban-mzuzu', { date: '2011-01-01' });
    expect(readPartnershipText(root, 'durban-mzuzu')).toContain('  - stage: evaluation\n    date: 2011-01-01\n');
  });
});
