// What the binary changes in a partnership file, seen through git: an advance diffs as the stage
// line and the new history entry, nothing else; hand-written comments survive every rewrite.

import { describe, expect, it } from 'vitest';
import { copyOfExamples, mentor } from '../helpers/cli.js';
import { editPartnership, git, readPartnershipText } from '../lifecycle/support.js';

const ID = 'durban-mzuzu';
const FILE = `partnerships/${ID}/partnership.yaml`;

/** The changed lines of the last command: removed and added, without the diff's headers. */
function changes(root: string): { removed: string[]; added: string[] } {
  const diff = git(root, 'diff', '-U0', '--no-color', '--', FILE).split('\n');
  return {
    removed: diff.filter((l) => l.startsWith('-') && !l.startsWith('---')).map((l) => l.slice(1)),
    added: diff.filter((l) => l.startsWith('+') && !l.startsWith('+++')).map((l) => l.slice(1)),
  };
}

function repoWithGit(): string {
  const root = copyOfExamples();
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'examples');
  return root;
}

describe('git diff after a command', () => {
  it('advance changes the stage line and appends the history entry, nothing else', () => {
    const root = repoWithGit();
    const result = mentor(['advance', ID, '--date', '2011-03-31', '--note', 'Evaluation with MALGA in April'], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    expect(git(root, 'diff', '--numstat').trim()).toBe(`4\t1\t${FILE}`);
    expect(changes(root)).toEqual({
      removed: ['stage: mentoring'],
      added: ['stage: evaluation', '  - stage: evaluation', '    date: 2011-03-31', '    note: Evaluation with MALGA in April'],
    });
    // No other file is touched, and no lock or temporary file is left behind.
    expect(git(root, 'status', '--porcelain', '--untracked-files=all').trim()).toBe(`M ${FILE}`);
  });

  it('every rewriting command keeps hand-written comments; each diff is only its own lines', () => {
    const root = repoWithGit();
    // Comments at the top (the file has one), inline after values, between history entries and at the end.
    editPartnership(root, ID, '\nstage: mentoring\n', '\nstage: mentoring # do not edit: use mentor advance\n');
    editPartnership(root, ID, '\nstatus: active\n', '\nstatus: active  # see the history for why\n');
    editPartnership(root, ID, '  - stage: agreement\n', '  # ToR negotiated by e-mail over the December holidays.\n  - stage: agreement\n');
    editPartnership(root, ID, '    date: 2010-04-12\n', '    date: 2010-04-12 # task force constituted\n');
    editPartnership(root, ID, 'focus:\n  - urban planning\n', 'focus:\n  - urban planning\n# Reviewed by the UCLG secretariat, March 2011.\n');
    git(root, 'commit', '-q', '-am', 'comments by hand');
    const comments = readPartnershipText(root, ID)
      .split('\n')
      .filter((l) => l.includes('#'));
    expect(comments.length).toBeGreaterThanOrEqual(7);

    const steps: { args: string[]; removed: string[]; added: string[] }[] = [
      {
        args: ['suspend', ID, '--date', '2011-04-04', '--reason', 'Local elections postponed'],
        removed: ['status: active  # see the history for why'],
        added: ['status: suspended  # see the history for why', '  - status: suspended', '    date: 2011-04-04', '    reason: Local elections postponed'],
      },
      {
        args: ['resume', ID, '--date', '2011-05-02'],
        removed: ['status: suspended  # see the history for why'],
        added: ['status: active  # see the history for why', '  - status: active', '    date: 2011-05-02'],
      },
      {
        args: ['advance', ID, '--date', '2011-05-09'],
        removed: ['stage: mentoring # do not edit: use mentor advance'],
        added: ['stage: evaluation # do not edit: use mentor advance', '  - stage: evaluation', '    date: 2011-05-09'],
      },
      {
        args: ['advance', ID, '--to', 'setup', '--force', '--reason', 'Targets renegotiated after the elections', '--date', '2011-05-10'],
        removed: ['stage: evaluation # do not edit: use mentor advance'],
        added: ['stage: setup # do not edit: use mentor advance', '  - stage: setup', '    date: 2011-05-10', '    forced: true', '    reason: Targets renegotiated after the elections'],
      },
      {
        args: ['cancel', ID, '--date', '2011-05-11', '--reason', 'No budget for visits this year'],
        removed: ['status: active  # see the history for why'],
        added: ['status: cancelled  # see the history for why', '  - status: cancelled', '    date: 2011-05-11', '    reason: No budget for visits this year'],
      },
      {
        args: ['resume', ID, '--date', '2011-05-12', '--reason', 'Norwegian funding confirmed'],
        removed: ['status: cancelled  # see the history for why'],
        added: ['status: active  # see the history for why', '  - status: active', '    date: 2011-05-12', '    reason: Norwegian funding confirmed'],
      },
      {
        args: ['advance', ID, '--to', 'closed', '--force', '--reason', 'Merged into the Durban–Mzuzu strategy work', '--date', '2011-05-13'],
        removed: ['stage: setup # do not edit: use mentor advance', 'status: active  # see the history for why'],
        added: ['stage: closed # do not edit: use mentor advance', 'status: closed  # see the history for why', '  - stage: closed', '    date: 2011-05-13', '    forced: true', '    reason: Merged into the Durban–Mzuzu strategy work'],
      },
      {
        args: ['advance', ID, '--to', 'mentoring', '--force', '--reason', 'Reopened at Mzuzu’s request', '--date', '2011-05-14'],
        removed: ['stage: closed # do not edit: use mentor advance', 'status: closed  # see the history for why'],
        added: ['stage: mentoring # do not edit: use mentor advance', 'status: active  # see the history for why', '  - stage: mentoring', '    date: 2011-05-14', '    forced: true', '    reason: Reopened at Mzuzu’s request'],
      },
    ];
    for (const step of steps) {
      const result = mentor(step.args, { cwd: root });
      expect(result.code, `${step.args.join(' ')}: ${result.stderr}`).toBe(0);
      expect(changes(root), step.args.join(' ')).toEqual({ removed: step.removed, added: step.added });
      const text = readPartnershipText(root, ID);
      for (const comment of comments) {
        const rest = comment.slice(comment.indexOf('#'));
        expect(text, `${step.args[0]} lost ${JSON.stringify(comment)}`).toContain(rest);
      }
      git(root, 'commit', '-q', '-am', step.args.join(' '));
    }
    // The history appended after the last entry, with the end comment still last.
    expect(readPartnershipText(root, ID).trimEnd().split('\n').at(-1)).toBe('# Reviewed by the UCLG secretariat, March 2011.');
    const validate = mentor(['validate', FILE, '--as-of', '2011-05-14', '--format', 'json'], { cwd: root });
    expect(JSON.parse(validate.stdout)).toMatchObject({ errors: 0 });
  });
});
