// Comments written by hand in partnership.yaml survive every command that rewrites the file:
// at the top, inline after a value, between history entries and at the end.

import { describe, expect, it } from 'vitest';
import { advancePartnership } from '../../src/ops/advance.js';
import { changeStatus } from '../../src/ops/status-change.js';
import { validateRepository } from '../../src/ops/validate.js';
import { openRepository } from '../../src/store/repository.js';
import { parse } from 'yaml';
import { goldenRepo, golden, NEW_ID, readPartnershipText, writePartnershipText } from './support.js';

/** Every comment of a file: the key of its line (or "" for a line of its own) and the comment text. */
function commentsOf(text: string): { key: string; comment: string }[] {
  return text
    .split('\n')
    .filter((line) => /(^|\s)#/.test(line))
    .map((line) => {
      const at = line.search(/(^|\s)#/);
      const code = line.slice(0, at).trim();
      return { key: code.split(':')[0]!.replace(/^- /, ''), comment: line.slice(at).trim() };
    });
}

const input = golden('promotion.input.yaml');
const original = commentsOf(input);

// Each step rewrites the file; dates increase so none is refused for going back in time.
const STEPS: [string, (root: string) => void][] = [
  ['suspend', (root) => expect(changeStatus(openRepository(root), { id: NEW_ID, action: 'suspend', date: '2012-09-10', today: '2012-09-10', reason: 'Local elections postponed' }).refusal).toBeUndefined()],
  ['resume', (root) => expect(changeStatus(openRepository(root), { id: NEW_ID, action: 'resume', date: '2012-09-20', today: '2012-09-20' }).refusal).toBeUndefined()],
  ['forced move back', (root) => expect(advancePartnership(openRepository(root), { id: NEW_ID, date: '2012-09-21', today: '2012-09-21', to: 'mentoring', force: true, reason: 'second round of targets' }).outcome).toBe('moved')],
  ['advance to evaluation', (root) => expect(advancePartnership(openRepository(root), { id: NEW_ID, date: '2012-09-22', today: '2012-09-22' }).to).toBe('evaluation')],
  ['advance to launch', (root) => expect(advancePartnership(openRepository(root), { id: NEW_ID, date: '2012-09-23', today: '2012-09-23' }).to).toBe('launch')],
  ['advance to promotion', (root) => expect(advancePartnership(openRepository(root), { id: NEW_ID, date: '2012-09-24', today: '2012-09-24' }).to).toBe('promotion')],
  ['closing', (root) => expect(advancePartnership(openRepository(root), { id: NEW_ID, date: '2012-10-01', today: '2012-10-01' }).to).toBe('closed')],
  ['forced move out of closed', (root) => expect(advancePartnership(openRepository(root), { id: NEW_ID, date: '2012-10-02', today: '2012-10-02', to: 'promotion', force: true, reason: 'reopened' }).outcome).toBe('moved')],
  ['cancel', (root) => expect(changeStatus(openRepository(root), { id: NEW_ID, action: 'cancel', date: '2012-10-03', today: '2012-10-03', reason: 'no budget' }).refusal).toBeUndefined()],
  ['resume a cancelled partnership', (root) => expect(changeStatus(openRepository(root), { id: NEW_ID, action: 'resume', date: '2012-10-04', today: '2012-10-04', reason: 'budget found' }).refusal).toBeUndefined()],
];

describe('hand-written comments survive every rewrite', () => {
  it('the fixture has comments in every place the contract names', () => {
    const lines = input.split('\n');
    expect(lines[1]).toMatch(/^# /); // at the top (after the schema line)
    expect(original.some((c) => c.key === 'stage' && c.comment.startsWith('#'))).toBe(true); // inline after a value
    expect(lines.indexOf('  # Ekurhuleni agreed to mentor in May.')).toBeGreaterThan(lines.indexOf('history:')); // between history entries
    expect(lines.at(-2)).toMatch(/^# End of the file/); // at the end
  });

  it('after each command in turn, every comment is still there, on the line of the same key, in the same order', async () => {
    const root = goldenRepo('promotion.input.yaml');
    for (const [name, step] of STEPS) {
      const before = readPartnershipText(root, NEW_ID);
      step(root);
      const after = readPartnershipText(root, NEW_ID);
      expect(after, `${name} rewrote nothing`).not.toBe(before);
      expect(commentsOf(after), `after ${name}`).toEqual(original);
      // The lines that hold nothing but a comment are unchanged, byte for byte.
      for (const line of input.split('\n').filter((l) => /^\s*#/.test(l))) expect(after.split('\n'), `after ${name}`).toContain(line);
    }
    const data = parse(readPartnershipText(root, NEW_ID)) as { stage: string; status: string; history: unknown[] };
    expect(data).toMatchObject({ stage: 'promotion', status: 'active' });
    expect(data.history).toHaveLength(8 + STEPS.length);
    const problems = (await validateRepository(openRepository(root), { cwd: root, today: '2012-10-04' })).problems;
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('the end-of-file comment stays the last line, after the new history entries', () => {
    const root = goldenRepo('promotion.input.yaml');
    advancePartnership(openRepository(root), { id: NEW_ID, date: '2012-10-01', today: '2012-10-01' });
    const lines = readPartnershipText(root, NEW_ID).trimEnd().split('\n');
    expect(lines.at(-1)).toBe("# End of the file: the secretariat's last check was in October 2012.");
  });

  it('a history written in flow style is extended, and the comments around it survive', () => {
    const root = goldenRepo('promotion.input.yaml');
    const text = input.replace(/^history:\n[\s\S]*?(?=^request:)/m, 'history: [{stage: request, date: 2011-04-04}, {stage: assessment, date: 2011-04-18}, {stage: agreement, date: 2011-05-16}, {stage: setup, date: 2011-06-20}, {stage: mentoring, date: 2011-07-11}, {stage: evaluation, date: 2012-06-04}, {stage: launch, date: 2012-07-02}, {stage: promotion, date: 2012-09-03}] # all in one line\n');
    writePartnershipText(root, NEW_ID, text);
    expect(advancePartnership(openRepository(root), { id: NEW_ID, date: '2012-10-01', today: '2012-10-01' }).outcome).toBe('moved');
    const after = readPartnershipText(root, NEW_ID);
    const data = parse(after) as { stage: string; status: string; history: { stage: string; date: string }[] };
    expect(data.history.at(-1)).toEqual({ stage: 'closed', date: '2012-10-01' });
    expect(data.history).toHaveLength(9);
    expect(data).toMatchObject({ stage: 'closed', status: 'closed' });
    for (const comment of ['# Ekurhuleni mentors Mzuzu', '# South Africa', '# moved by `mentor advance`', '# active, suspended', '# End of the file']) {
      expect(after).toContain(comment);
    }
  });

  it('a file with Windows line endings keeps them: no line of the result ends without CR', () => {
    const root = goldenRepo('promotion.input.yaml');
    writePartnershipText(root, NEW_ID, input.replace(/\n/g, '\r\n'));
    expect(advancePartnership(openRepository(root), { id: NEW_ID, date: '2012-10-01', today: '2012-10-01', note: 'Handover' }).outcome).toBe('moved');
    const after = readPartnershipText(root, NEW_ID);
    expect(parse(after)).toMatchObject({ stage: 'closed', status: 'closed' });
    expect(after.split('\r\n').filter((line) => line.includes('\n'))).toEqual([]);
    expect(after).toContain('\r\n  - stage: closed\r\n    date: 2012-10-01\r\n    note: Handover\r\n');
  });
});
