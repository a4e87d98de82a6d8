// What the robustness suite tried and what happened, per class of input or fault. Each test file
// collects its figures here; when MENTOR_FIGURES_DIR is set (by `npm run test:long`) they are saved
// as JSON there, and scripts/robustness-report.mjs turns them into docs/robustness.md.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll } from 'vitest';

/** Long runs (MENTOR_LONG=1) try many more cases; the default keeps `npm test` fast. */
export const LONG = process.env.MENTOR_LONG === '1';
/** The seed of every random choice: the same seed gives the same cases. */
export const SEED = Number(process.env.MENTOR_SEED ?? 20110331);

/**
 * The bound on one run's time: a hang, or work that grows faster than the input (an alias bomb
 * expanded), not a slow machine. Far above any run's time on a busy two-core machine (the
 * slowest, recorded in docs/robustness.md, are a few seconds), so no verdict depends on speed.
 */
export const HANG_MS = 60_000;

/** How many cases to try: `short` in `npm test`, `long` in `npm run test:long`. */
export function cases(short: number, long: number): number {
  return LONG ? long : short;
}

export interface ClassFigures {
  /** The report's section: one of the numbered parts. */
  section: string;
  /** The class of input or fault, in a few words. */
  name: string;
  cases: number;
  /** What happened, counted: "exit 1: 240", "old file: 12". */
  outcomes: Record<string, number>;
  /** Runs that ended in an internal error (exit 70), a stack trace, a signal or a timeout. */
  crashes: number;
  /** The slowest single case, in milliseconds, where runs are timed. */
  slowestMs?: number;
  note?: string;
}

/** The figures of one test file, saved after its last test. */
export class Figures {
  private readonly classes = new Map<string, ClassFigures>();
  private readonly attachments: Record<string, unknown> = {};

  constructor(private readonly file: string) {
    afterAll(() => this.save());
  }

  /** The figures of a class, created empty on first use. */
  of(section: string, name: string, note?: string): ClassFigures {
    const key = `${section}\u0000${name}`;
    let entry = this.classes.get(key);
    if (!entry) {
      entry = { section, name, cases: 0, outcomes: {}, crashes: 0, ...(note !== undefined && { note }) };
      this.classes.set(key, entry);
    }
    return entry;
  }

  /** Count one case of a class: its outcome, whether it crashed and how long it took. */
  count(section: string, name: string, outcome: string, extra: { crashed?: boolean; ms?: number; note?: string } = {}): void {
    const entry = this.of(section, name, extra.note);
    if (extra.note !== undefined) entry.note ??= extra.note;
    entry.cases++;
    entry.outcomes[outcome] = (entry.outcomes[outcome] ?? 0) + 1;
    if (extra.crashed) entry.crashes++;
    if (extra.ms !== undefined) entry.slowestMs = Math.max(entry.slowestMs ?? 0, Math.round(extra.ms));
  }

  /** Data for the report that is not a count (the dependencies, the audit's answer). */
  attach(name: string, data: unknown): void {
    this.attachments[name] = data;
  }

  private save(): void {
    const dir = process.env.MENTOR_FIGURES_DIR;
    if (!dir || (this.classes.size === 0 && Object.keys(this.attachments).length === 0)) return;
    mkdirSync(dir, { recursive: true });
    const figures = { file: this.file, long: LONG, seed: SEED, classes: [...this.classes.values()], attachments: this.attachments };
    writeFileSync(path.join(dir, `${this.file}.json`), `${JSON.stringify(figures, null, 2)}\n`);
  }
}

/** A stack trace line ("    at fn (file.js:1:2)"): never shown to a user. */
export const STACK_LINE = /^\s+at .*(?:\(|\s)\S+:\d+:\d+\)?$/m;

/** How a run ended, as counted: its exit code, or what went wrong. */
export function outcomeOf(result: { code: number | null; stderr: string; killed?: boolean }): { outcome: string; crashed: boolean } {
  if (result.killed) return { outcome: 'timeout', crashed: true };
  if (result.code === null) return { outcome: 'signal', crashed: true };
  const crashed = result.code === 70 || STACK_LINE.test(result.stderr) || /internal error/i.test(result.stderr);
  return { outcome: crashed ? `crash (exit ${result.code})` : `exit ${result.code}`, crashed };
}
