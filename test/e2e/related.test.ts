import { describe, expect, it } from 'vitest';
import { copyOfExamples, mentor } from '../helpers/cli.js';
import { readJson } from '../helpers/formats.js';
import { Planter } from '../helpers/plant.js';

// MTR045 is a rule across partnerships: checkRelated (src/check/related.ts) is pure and unit-tested
// in test/check/related.test.ts; the whole-repository run of `validate` wires it. Unskip this test
// when it does (issue 11).
describe('validate: related partnerships', () => {
  it('reports MTR045 where related[].id names a partnership that does not exist, with a did-you-mean', () => {
    const root = copyOfExamples();
    const file = 'partnerships/durban-mzuzu/partnership.yaml';
    const t = new Planter(root);
    t.write(file, `${t.text(file)}related:\n  - id: johannesburg-lilongwe\n    relation: replicates\n  - id: johannesburg-lilongwee\n    relation: follows\n`).expect(
      'MTR045',
      file,
      'johannesburg-lilongwee',
    );
    const [want] = t.commit();
    const run = mentor(['validate', '--as-of', '2011-03-31', '--format', 'json'], { cwd: root });
    expect(run.code).toBe(1);
    const found = readJson(run.stdout).problems.filter((p) => p.code === 'MTR045');
    expect(found.map((p) => [p.file, p.line, p.column, p.hint])).toEqual([[want!.file, want!.line, want!.column, 'did you mean "johannesburg-lilongwe"?']]);
  });
});
