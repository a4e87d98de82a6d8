import { describe, expect, it } from 'vitest';
import { copyOfExamples } from '../helpers/cli.js';
import { validateRepository } from '../../src/ops/validate.js';
import { openRepository } from '../../src/store/repository.js';

describe('validateRepository: source lines only when asked for', () => {
  it('gives the same problems with and without the lines; only the text format needs them', async () => {
    const root = copyOfExamples();
    const run = (sourceLines?: boolean) => validateRepository(openRepository(root, { threads: 1 }), { cwd: root, today: '2016-06-30', ...(sourceLines !== undefined && { sourceLines }) });
    const [byDefault, without] = [await run(), await run(false)];
    expect(byDefault.problems.length).toBeGreaterThan(0);
    expect(without.problems).toEqual(byDefault.problems);
    expect([without.ok, without.errors, without.warnings, without.files]).toEqual([byDefault.ok, byDefault.errors, byDefault.warnings, byDefault.files]);
    const first = byDefault.problems[0]!;
    // By default (the programmatic API's behaviour) the line is there; without, none is kept.
    expect(byDefault.sourceLine(first.file, first.line)).not.toBe('');
    expect(without.problems.every((p) => without.sourceLine(p.file, p.line) === '')).toBe(true);
  });
});
