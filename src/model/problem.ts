/** A finding about a file: where it is, what rule it breaks, and how to fix it. */
export interface Problem {
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  /** 1-based line and column. */
  line: number;
  column: number;
  code: ProblemCode;
  severity: Severity;
  message: string;
  hint?: string;
}

export type Severity = 'error' | 'warning';

/** The outcome of a check: every problem, the counts, and the source line each problem points at. */
export interface ProblemReport {
  ok: boolean;
  errors: number;
  warnings: number;
  files: number;
  problems: Problem[];
  /** The source line a problem points at, for compiler-style output. */
  sourceLine: (file: string, line: number) => string;
}

interface CodeInfo {
  severity: Severity;
  /** One line for the README and SARIF rule descriptions. */
  summary: string;
}

/**
 * A copy of a string that holds nothing else alive. V8 keeps a slice (or a concatenation holding
 * one) as a view into the string it was cut from: a message quoting one date of a file would keep
 * the file's whole text in memory, for as long as the problem lives. Slicing a fresh concatenation
 * makes V8 copy the characters into a new flat string.
 */
export function ownString(s: string): string {
  return ` ${s}`.slice(1);
}

/** Every problem code mentor reports. Codes are stable: never renumber, only add. */
export const PROBLEM_CODES = {
  MTR001: { severity: 'error', summary: 'YAML syntax error (bad indentation, an unclosed quote or bracket, a tab)' },
  MTR002: { severity: 'error', summary: 'a key appears twice in the same mapping' },
  MTR003: { severity: 'error', summary: 'anchors and aliases (&a, *a) are not allowed in data files' },
  MTR004: { severity: 'error', summary: 'tags (!!str, !custom) and directives (%YAML, %TAG) are not allowed in data files' },
  MTR005: { severity: 'error', summary: 'a data file holds exactly one YAML document' },
  MTR006: { severity: 'error', summary: 'the file cannot be read as text: not UTF-8, binary, too large, or a symbolic link' },
  MTR010: { severity: 'error', summary: 'a required key is missing' },
  MTR011: { severity: 'error', summary: 'a value has the wrong type (a list where a mapping belongs, a number where text belongs...)' },
  MTR012: { severity: 'error', summary: 'unknown key, usually a typo; the hint names the key meant' },
  MTR013: { severity: 'error', summary: 'a value is not one of the allowed choices (stage, status, kind, side...)' },
  MTR014: { severity: 'error', summary: 'not a real calendar date written YYYY-MM-DD, or a date before 1900' },
  MTR015: { severity: 'error', summary: 'unknown ISO 3166-1 alpha-2 country code' },
  MTR016: { severity: 'error', summary: 'unknown ISO 4217 currency code' },
  MTR017: { severity: 'error', summary: 'an id is not a lowercase slug (letters, digits, single hyphens, at most 64 characters)' },
  MTR018: { severity: 'error', summary: 'a value is malformed or out of range (an e-mail address, a rating outside 1 to 4, an empty text)' },
  MTR019: { severity: 'warning', summary: 'a text holds control characters (ESC, other C0 controls but tab and line breaks, C1 controls); terminals show them escaped' },
  MTR020: { severity: 'error', summary: 'the id inside partnership.yaml differs from its folder name' },
  MTR021: { severity: 'error', summary: 'a partnership folder has no partnership.yaml, or a folder name is not a valid id' },
  MTR022: { severity: 'error', summary: 'a session file name is not <YYYY-MM-DD>-<slug>.yaml' },
  MTR023: { severity: 'error', summary: "a session file's name and its date field disagree" },
  MTR024: { severity: 'warning', summary: 'a file in the repository that mentor does not read (a stray .yaml file, for instance)' },
  MTR030: { severity: 'error', summary: 'history entries are not in date order' },
  MTR031: { severity: 'error', summary: 'the last stage entry of history is not the recorded stage' },
  MTR032: { severity: 'error', summary: 'the recorded status is not what the history leads to' },
  MTR033: { severity: 'error', summary: 'history moves back a stage without being marked forced' },
  MTR034: { severity: 'error', summary: 'a forced history entry or a status change gives no reason' },
  MTR040: { severity: 'error', summary: "a session names a target the partnership doesn't have" },
  MTR041: { severity: 'error', summary: 'a session is dated before the request' },
  MTR042: { severity: 'error', summary: "a session's end is before its date" },
  MTR043: { severity: 'error', summary: 'two session files share the same date and title' },
  MTR044: { severity: 'error', summary: 'two targets share the same id' },
  MTR045: { severity: 'error', summary: 'related[].id names a partnership that does not exist' },
  MTR050: { severity: 'error', summary: 'the recorded stage is past a gate whose requirements are not met' },
  MTR051: { severity: 'warning', summary: 'a stage entered with --force still has unmet gate requirements' },
  MTR060: { severity: 'warning', summary: "in the mentoring stage longer than the method's mentoring_months (UCLG: 15; the roadmap plans about a year)" },
  MTR061: { severity: 'warning', summary: "no session for the method's session_gap_days (UCLG: 120) in mentoring or later while active" },
  MTR062: { severity: 'warning', summary: "fewer technical sessions than the method's technical_per_political per political one (UCLG: more political than technical)" },
  MTR063: { severity: 'warning', summary: "more targets than the method's max_targets (UCLG: 5, start with a small project)" },
  MTR064: { severity: 'warning', summary: 'a target is past its due date and not achieved' },
  MTR065: { severity: 'warning', summary: 'a planned session date has passed and no session was logged on it' },
  MTR066: { severity: 'warning', summary: 'a milestone is past its due date and not marked done' },
  MTR067: { severity: 'warning', summary: "a session's action is past its due date and neither done nor dropped" },
  MTR068: { severity: 'warning', summary: "active, and in a stage before the mentoring stage for longer than the method's stall_days (UCLG: 180)" },
  MTR069: { severity: 'warning', summary: "in the mentoring stage longer than the ToR's agreement.terms.duration_months" },
  MTR070: { severity: 'warning', summary: "suspended for longer than the method's suspended_days (UCLG: 180)" },
  MTR080: { severity: 'error', summary: 'a requirement of a method file names a check mentor does not have' },
  MTR081: { severity: 'error', summary: 'a method file names a stage it does not have (in "after")' },
  MTR082: { severity: 'error', summary: 'two stages, two requirements of one gate, or two rating criteria of a method share an id' },
  MTR083: { severity: 'error', summary: "a method's order of stages has a cycle, or is not a sequence of stages and either-order groups" },
  MTR084: { severity: 'error', summary: 'a limit of a method is not a positive number, or its rating scale is empty' },
  MTR085: { severity: 'error', summary: "a requirement lacks a parameter its check needs, has one it does not use, or names a path that is no field of partnership.yaml" },
  MTR086: { severity: 'error', summary: 'the method named in mentor.yaml is neither built in nor a file in the repository' },
  MTR087: { severity: 'error', summary: 'a method marks two stages mentoring (or terminal), or its terminal stage is not the last' },
} as const satisfies Record<string, CodeInfo>;

export type ProblemCode = keyof typeof PROBLEM_CODES;

/** Build a problem with its code's default severity. */
export function problem(
  code: ProblemCode,
  where: { file: string; line: number; column: number },
  message: string,
  hint?: string,
): Problem {
  // Messages quote values of the file; as slices of its text they would keep the whole text alive.
  const p: Problem = { ...where, code, severity: PROBLEM_CODES[code].severity, message: ownString(message) };
  if (hint !== undefined) p.hint = ownString(hint);
  return p;
}

/** Sort problems by file, then position, then code, so every format lists them alike. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/**
 * The source lines some problems point at, by file and 1-based line: all a report needs of the
 * files, so a check keeps a few lines of each file rather than its whole text.
 */
export type SourceLines = Record<string, Record<number, string>>;

/** Keep, from one file's text, the lines its problems point at (without the line end). */
export function keepSourceLines(into: SourceLines, file: string, text: string, problems: readonly Problem[]): void {
  let wanted: number[] | undefined;
  for (const p of problems) if (p.file === file && p.line >= 1 && !into[file]?.[p.line]) (wanted ??= []).push(p.line);
  if (!wanted) return;
  wanted.sort((a, b) => a - b);
  const kept = (into[file] ??= {});
  // One walk through the text, from line to wanted line.
  let line = 1;
  let start = 0;
  for (const want of wanted) {
    while (line < want && start !== -1) {
      const next = text.indexOf('\n', start);
      start = next === -1 ? -1 : next + 1;
      line++;
    }
    if (start === -1) break;
    const end = text.indexOf('\n', start);
    kept[want] = ownString(text.slice(start, end === -1 ? text.length : end).replace(/\r$/, ''));
  }
}

/** A reader of the kept source lines, for a report. */
export const sourceLineOf =
  (lines: SourceLines): ProblemReport['sourceLine'] =>
  (file, line) =>
    lines[file]?.[line] ?? '';

/** The report of some problems (sorted here), with the counts every output format prints. */
export function reportOf(problems: Problem[], files: number, sourceLine: ProblemReport['sourceLine'] = () => ''): ProblemReport {
  sortProblems(problems);
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { ok: errors === 0, errors, warnings: problems.length - errors, files, problems, sourceLine };
}
