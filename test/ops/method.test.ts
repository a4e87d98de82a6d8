import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MentorError } from '../../src/errors.js';
import { advancePartnership } from '../../src/ops/advance.js';
import { initPartnership } from '../../src/ops/init.js';
import { initMethod, loadMethod } from '../../src/ops/method.js';
import { renderReport } from '../../src/ops/report.js';
import { exportSchemas } from '../../src/ops/schema.js';
import { validateRepository } from '../../src/ops/validate.js';
import { openRepository } from '../../src/store/repository.js';
import { copyOfExamples, ROOT, tempDir } from '../helpers/cli.js';
import { appendToPartnership, editPartnership } from '../lifecycle/support.js';

// Both built-in methods walked from their first stage to their last with `advance`, and a
// repository with its own method file that validates, advances and renders.

const TODAY = '2013-01-31';
const MUNICIPAL = path.join(ROOT, 'test/fixtures/municipal');

/** advance, expecting the move to `to` to be made (or refused, naming what is missing). */
function advance(root: string, id: string, date: string, expected: { to: string } | { refused: string[] }) {
  const result = advancePartnership(openRepository(root, { threads: 1 }), { id, date, today: TODAY });
  if ('to' in expected) {
    expect(result.outcome, result.refusal).toBe('moved');
    expect(result.to).toBe(expected.to);
  } else {
    expect(result.outcome).toBe('refused');
    const unmet = result.gates.flatMap((g) => g.requirements.filter((r) => !r.met).map((r) => r.id));
    expect(unmet).toEqual(expected.refused);
  }
  return result;
}

function addSession(root: string, id: string, file: string, yaml: string) {
  const dir = path.join(root, 'partnerships', id, 'sessions');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, file), yaml);
}

const validate = (root: string, today = TODAY) => validateRepository(openRepository(root, { threads: 1 }), { cwd: root, today });

describe('the built-in EU Twinning method, walked with advance', () => {
  // The seed's places in the roles the Twinning Manual names: a Member State administration and a beneficiary.
  const ID = 'bergen-mombasa-twinning';

  it('goes from the fiche to closure, each gate asking for what the manual asks', async () => {
    const root = tempDir();
    writeFileSync(path.join(root, 'mentor.yaml'), 'name: Twinning projects\nmethod: eu-twinning\n');
    const init = initPartnership({
      repoStart: root,
      id: ID,
      mentor: { name: 'tbd' },
      mentee: { name: 'Municipal Council of Mombasa', country: 'KE', kind: 'city' },
      topic: 'Land-use planning and development control',
      date: '2012-01-16',
    });
    expect(init.text).toContain('stage: fiche');

    advance(root, ID, '2012-02-01', { to: 'proposals' });
    advance(root, ID, '2012-03-15', { to: 'selection' });
    advance(root, ID, '2012-04-02', { refused: ['member-state.selected'] });
    editPartnership(root, ID, 'mentor:\n  name: tbd', 'mentor:\n  name: City of Bergen\n  kind: city\n  country: NO');
    advance(root, ID, '2012-04-02', { to: 'contract' });

    advance(root, ID, '2012-06-01', {
      refused: ['contract.member-state', 'contract.beneficiary', 'work-plan.results', 'work-plan.duration', 'project-leader.member-state', 'project-leader.beneficiary'],
    });
    appendToPartnership(
      root,
      ID,
      `agreement:
  approvals:
    - { side: mentor, body: City of Bergen, date: 2012-05-21 }
    - { side: mentee, body: Municipal Council of Mombasa, date: 2012-05-28 }
  terms:
    objectives: [A land-use plan for the pilot area adopted]
    duration_months: 24
    evaluation_method: Final report against the mandatory results
task_force:
  - { name: 'Planning department, City of Bergen', role: Member State Project Leader, side: mentor, lead: true }
  - { name: 'Town planning department, Mombasa', role: Beneficiary Project Leader, side: mentee, lead: true }
`,
    );
    advance(root, ID, '2012-06-01', { to: 'implementation' });

    advance(root, ID, '2012-12-14', { refused: ['activities.logged', 'closure.date', 'closure.owner'] });
    addSession(root, ID, '2012-09-10-land-use-workshop.yaml', 'date: 2012-09-10\ntitle: Land-use workshop\ntype: workshop\nlevel: technical\nhost: mentee\n');
    appendToPartnership(root, ID, 'handover:\n  date: 2012-12-14\n  owner: Town planning department, Mombasa\n');
    const last = advance(root, ID, '2012-12-14', { to: 'closure' });
    expect(last.after).toContain('status: closed');

    expect(() => advance(root, ID, '2012-12-20', { to: 'none' })).toThrow(/the last stage/);
    const report = await validate(root);
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('names its stages in the partnership schema it exports', () => {
    const root = tempDir();
    writeFileSync(path.join(root, 'mentor.yaml'), 'name: Twinning projects\nmethod: eu-twinning\n');
    const method = loadMethod(openRepository(root)).method!;
    const schema = JSON.parse(exportSchemas(method)['partnership.schema.json']) as { properties: { stage: { enum: string[] } } };
    expect(schema.properties.stage.enum).toEqual(['fiche', 'proposals', 'selection', 'contract', 'implementation', 'closure']);
  });
});

describe('the built-in UCLG method, walked with advance', () => {
  it('takes a request to mentoring, then launch before evaluation, promotion and closed', async () => {
    const root = copyOfExamples();
    const ID = 'johannesburg-lilongwe';
    // Lilongwe launched its strategy in 2010, before its evaluation; from launch: evaluation, promotion, closed.
    advance(root, ID, '2011-08-01', { to: 'evaluation' });
    advance(root, ID, '2011-08-02', { refused: ['evaluation.ratings'] });
    appendToPartnership(
      root,
      ID,
      'evaluation:\n  date: 2011-07-29\n  ratings: { relevance: 4, coherence: 3, effectiveness: 3, efficiency: 3, impact: 3, sustainability: 2, ownership: 4 }\n',
    );
    advance(root, ID, '2011-08-02', { to: 'promotion' });
    appendToPartnership(root, ID, 'handover:\n  date: 2011-09-30\n  owner: Chief Executive, Lilongwe City Assembly\n');
    const closed = advance(root, ID, '2011-09-30', { to: 'closed' });
    expect(closed.after).toContain('status: closed');
  });
});

describe('a repository with its own method file', () => {
  const ID = 'rosario-ciudad-sur';
  const start = () => {
    const root = copyOfExamples(MUNICIPAL);
    initPartnership({
      repoStart: root,
      id: ID,
      mentor: { name: 'Municipalidad de Rosario', country: 'AR', kind: 'city' },
      mentee: { name: 'Asociación de Municipios Ciudad Sur', country: 'CL', kind: 'association' },
      topic: 'Planificación estratégica territorial',
      date: '2009-11-02',
    });
    return root;
  };

  it('validates, advances through its own stages and closes', async () => {
    const root = start();
    expect((await validate(root, '2010-01-15')).problems).toEqual([]);
    // request comes before workplan, its mentoring stage: 211 days there is a stall (MTR068, stall_days 180 by default)
    expect((await validate(root, '2010-06-01')).problems.map((p) => [p.code, p.message])).toEqual([['MTR068', 'in request since 2009-11-02, 211 days (more than 180): nothing has moved since']]);
    advance(root, ID, '2010-03-01', { refused: ['approval.mentor', 'approval.mentee', 'targets'] });
    appendToPartnership(
      root,
      ID,
      `agreement:
  approvals:
    - { side: mentor, body: Concejo Municipal de Rosario, date: 2010-02-11 }
    - { side: mentee, body: Directorio de alcaldes de Ciudad Sur, date: 2010-02-25 }
targets:
  - { id: diagnostico-territorial, title: Diagnóstico territorial, indicator: Diagnóstico aprobado, due: 2011-06-30, status: in-progress }
`,
    );
    advance(root, ID, '2010-03-01', { to: 'workplan' });
    addSession(root, ID, '2010-04-19-primera-sesion.yaml', 'date: 2010-04-19\ntitle: Primera sesión\ntype: contact\nlevel: technical\nhost: mentee\n');
    advance(root, ID, '2010-09-01', { refused: ['sessions', 'handover.date'] });
    addSession(root, ID, '2010-08-23-visita-de-estudio.yaml', 'date: 2010-08-23\ntitle: Visita de estudio\ntype: study-visit\nlevel: technical\nhost: mentor\n');
    appendToPartnership(root, ID, 'handover:\n  date: 2010-09-01\n  owner: Secretaría ejecutiva, Ciudad Sur\n');
    expect(advance(root, ID, '2010-09-01', { to: 'closed' }).after).toContain('status: closed');
    expect((await validate(root)).errors).toBe(0);
  });

  it('applies its own limits: three technical sessions to each political one', async () => {
    const root = start();
    editPartnership(root, ID, '\nstage: request', '\nstage: workplan');
    editPartnership(root, ID, '    date: 2009-11-02\n', '    date: 2009-11-02\n  - { stage: workplan, date: 2010-03-01, forced: true, reason: agreed at the first meeting }\n');
    addSession(root, ID, '2010-04-19-primera-sesion.yaml', 'date: 2010-04-19\ntitle: Primera sesión\ntype: contact\nlevel: technical\nhost: mentee\n');
    addSession(root, ID, '2010-05-10-encuentro-de-alcaldes.yaml', 'date: 2010-05-10\ntitle: Encuentro de alcaldes\ntype: political-visit\nlevel: political\nhost: mentor\n');
    const report = await validate(root, '2011-09-01');
    const ratio = report.problems.find((p) => p.code === 'MTR062');
    expect(ratio?.message).toBe('fewer than 3 technical sessions to each political one (1 technical, 1 political)');
    // in workplan, its mentoring stage, for 18 months: within its own limit of 24, past UCLG's 15
    expect(report.problems.some((p) => p.code === 'MTR060')).toBe(false);
  });

  it('refuses a stage of another method written by hand, with the stages it has', async () => {
    const root = start();
    editPartnership(root, ID, '\nstage: request', '\nstage: launch');
    const report = await validate(root);
    const wrong = report.problems.find((p) => p.code === 'MTR013');
    expect(wrong?.message).toBe('"launch" is not a valid stage');
    expect(wrong?.hint).toBe('use one of: request, workplan, closed');
  });

  it('renders its documents with its own stage names', async () => {
    const root = start();
    const { output } = await renderReport(openRepository(root, { threads: 1 }), { cwd: root, today: TODAY, id: ID, kind: 'roadmap', format: 'md', locale: 'es', stdout: true, env: {} });
    expect(String(output)).toContain('Solicitud');
  });

  it('reports a broken method file first, with file, line and column, and checks no partnership against it', async () => {
    const root = start();
    const file = path.join(root, 'methods/municipal.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('check: count', 'check: cuont'));
    editPartnership(root, ID, '\nstage: request', '\nstage: nowhere');
    const report = await validate(root);
    expect(report.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.code}`)).toEqual(['methods/municipal.yaml:16:31 MTR080']);
    expect(report.ok).toBe(false);
    expect(() => advancePartnership(openRepository(root), { id: ID, date: '2010-03-01', today: TODAY })).toThrow(/the method "methods\/municipal.yaml" has 1 error/);
  });

  it('reports a method that mentor.yaml names but does not exist (MTR086)', async () => {
    const root = start();
    writeFileSync(path.join(root, 'mentor.yaml'), 'name: Municipal partnerships\nmethod: eu-twining\n');
    const report = await validate(root);
    expect(report.problems.map((p) => [p.file, p.line, p.code, p.hint])).toEqual([['mentor.yaml', 2, 'MTR086', 'did you mean "eu-twinning"?']]);
  });

  it.each([
    ['methods/missing.yaml', 'is not a file of the repository'],
    ['../outside.yaml', 'is outside the repository'],
  ])('reports a method path %s that it cannot use (MTR086)', async (name, says) => {
    const root = start();
    writeFileSync(path.join(root, 'mentor.yaml'), `name: Municipal partnerships\nmethod: ${name}\n`);
    const report = await validate(root);
    expect(report.problems.map((p) => [p.file, p.line, p.code])).toEqual([['mentor.yaml', 2, 'MTR086']]);
    expect(report.problems[0]?.message).toContain(says);
  });
});

describe('mentor method init', () => {
  it('copies a built-in method into the repository and names it in mentor.yaml, keeping its comments', () => {
    const root = copyOfExamples();
    const result = initMethod(openRepository(root), 'uclg');
    expect(result.file).toBe('methods/uclg.yaml');
    expect(readFileSync(path.join(root, 'methods/uclg.yaml'), 'utf8')).toBe(readFileSync(path.join(ROOT, 'methods/uclg.yaml'), 'utf8'));
    const config = readFileSync(path.join(root, 'mentor.yaml'), 'utf8');
    expect(config).toContain('method: methods/uclg.yaml');
    expect(config).toContain('# Example repository');
    expect(loadMethod(openRepository(root)).method?.file).toBe('methods/uclg.yaml');
  });

  it('refuses to overwrite a method file, and a name mentor does not have', () => {
    const root = copyOfExamples();
    initMethod(openRepository(root), 'uclg');
    expect(() => initMethod(openRepository(root), 'uclg')).toThrow(MentorError);
    expect(() => initMethod(openRepository(root), 'twinning')).toThrow(/not a built-in method/);
    expect(existsSync(path.join(root, 'methods/twinning.yaml'))).toBe(false);
  });
});
