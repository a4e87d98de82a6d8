// The portfolio table on a terminal fits its width: ids and the other whole columns are never cut,
// free text is cut with an ellipsis, nothing wraps; --wide and output that is not a terminal show
// everything, without colour.

import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { run } from '../../src/cli.js';
import type { Io } from '../../src/ui/io.js';
import { displayWidth } from '../../src/ui/fit-table.js';
import { EXAMPLES } from '../helpers/cli.js';
import { ANSI } from '../helpers/formats.js';
import { spawnMentor } from '../lifecycle/support.js';

const IDS = ['bergen-mombasa', 'durban-alan', 'durban-mzuzu', 'ekurhuleni-blantyre', 'johannesburg-lilongwe', 'rosario-ciudad-sur'];
const STAGES = ['mentoring', 'setup', 'mentoring', 'agreement', 'launch', 'mentoring'];

async function status(columns: number | undefined, ...args: string[]): Promise<string> {
  let out = '';
  const io: Io = {
    stdout: { write: (t: string) => (out += t), isTTY: columns !== undefined, ...(columns !== undefined && { columns }) },
    stderr: { write: () => true, isTTY: columns !== undefined },
    stdinIsTTY: false,
    env: {},
    cwd: EXAMPLES,
    color: new Chalk({ level: 0 }),
  };
  expect(await run(['status', '--as-of', '2011-03-31', ...args], io)).toBe(0);
  return out;
}

describe('status on a terminal fits its width', () => {
  it.each([80, 100, 160])('at %i columns: no line is longer, ids and stages are whole, long text ends in an ellipsis', async (width) => {
    const out = await status(width);
    const lines = out.trimEnd().split('\n');
    for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
    const rows = lines.slice(2, 2 + IDS.length);
    rows.forEach((row, i) => {
      expect(row.startsWith(`${IDS[i]} `)).toBe(true);
      expect(row.split(/\s{2,}/)).toContain(STAGES[i]);
    });
    expect(out).toContain('…');
  });

  it('at 160 columns every column is there, next due with its date whole', async () => {
    const out = await status(160);
    expect(out.split('\n')[1]!.split(/\s{2,}/)).toEqual(['partnership', 'pair', 'stage', 'status', 'days', 'sessions', 'tech:pol', 'last session', 'next due', 'warnings']);
    expect(out).toContain('2011-05-13 action: Finish');
    expect(out).not.toContain('left out');
  });

  it('at 80 columns the least important columns are left out, and it says so', async () => {
    const out = await status(80);
    expect(out.split('\n')[1]!.split(/\s{2,}/)).toEqual(['partnership', 'pair', 'stage', 'status', 'days', 'warnings']);
    expect(out).toMatch(/left out at this width: sessions, tech:pol, last session, next due;\s+--wide\s+shows\s+every\s+column/);
  });

  it('--wide shows every text whole, as output that is not a terminal does', async () => {
    const wide = await status(80, '--wide');
    expect(wide).toContain('City of Bergen (NO) → Municipal Council of Mombasa (KE)');
    expect(wide).toContain('2011-04-15 action: Hold the first quarterly performance reviews of heads of department');
    expect(wide).not.toContain('…');
    expect(await status(undefined)).toBe(wide);
  });

  it('without a terminal: no colour, no cutting, even without NO_COLOR', async () => {
    const run = await spawnMentor(['status', '--as-of', '2011-03-31'], { cwd: EXAMPLES, env: { NO_COLOR: undefined, FORCE_COLOR: undefined, COLUMNS: '80' } });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(ANSI);
    expect(run.stdout).not.toContain('…');
    expect(run.stdout).toBe(await status(undefined));
  });
});
