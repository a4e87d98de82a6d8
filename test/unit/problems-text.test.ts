import { describe, expect, it } from 'vitest';
import type { Problem, ProblemReport } from '../../src/model/problem.js';
import { colorFor } from '../../src/ui/color.js';
import { renderText } from '../../src/ui/problems.js';

const problem: Problem = { file: 'partnerships/x/partnership.yaml', line: 3, column: 300, code: 'MTR012', severity: 'error', message: 'unknown key "a\u001b[2Jb"' };
const report = (line: string): ProblemReport => ({ ok: false, errors: 1, warnings: 0, files: 1, problems: [problem], sourceLine: () => line });

describe('the text format on a terminal', () => {
  it('shows control characters from the data escaped (in the source line as "?"), so a title cannot clear the screen', async () => {
    const out = renderText(report(`title: Evil \u001b[2J\u001b[31mRED ${'x'.repeat(400)}`), await colorFor({}, {}, false));
    expect(out).not.toContain('\u001b');
    expect(out).toContain('unknown key "a\\x1b[2Jb"');
  });

  it('shows at most 160 columns of a long source line, with the caret still under the column', async () => {
    const line = `${'a'.repeat(299)}Z${'b'.repeat(100000)}`;
    const lines = renderText(report(line), await colorFor({}, {}, false)).split('\n');
    const source = lines.find((l) => l.startsWith('3 |'))!;
    const caret = lines.find((l) => l.trimEnd().endsWith('^') && l.startsWith('  |'))!;
    expect(source.length).toBeLessThan(180);
    expect(source[caret.indexOf('^')]).toBe('Z');
  });
});
