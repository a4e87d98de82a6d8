import type { ChalkInstance } from 'chalk';
import { PROBLEM_CODES, type Problem, type ProblemReport } from '../model/problem.js';
import { inPieces } from './io.js';
import { jsonDocumentPieces, jsonLayout, jsonListPieces, LIST } from './json.js';
import { printable } from './printable.js';

export const FORMATS = ['text', 'json', 'github', 'sarif'] as const;
export type ProblemFormat = (typeof FORMATS)[number];


/** A source line shown on a terminal: control characters as "?", one column each, so the caret stays under its column. */
function visible(text: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?').replace(/\t/g, ' ');
}

const EXCERPT_WIDTH = 160;

/** The source line to show under a problem, at most 160 columns around the caret, and the caret's offset. */
function excerpt(line: string, column: number): { text: string; caret: number } {
  const at = Math.max(0, column - 1);
  if (line.length <= EXCERPT_WIDTH) return { text: visible(line), caret: at };
  const start = Math.max(0, Math.min(at - EXCERPT_WIDTH / 2, line.length - EXCERPT_WIDTH));
  const cut = visible(line.slice(start, start + EXCERPT_WIDTH));
  return { text: `${start > 0 ? '…' : ''}${cut}${start + EXCERPT_WIDTH < line.length ? '…' : ''}`, caret: at - start + (start > 0 ? 1 : 0) };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Problems are written out this many at a time: a report of 100,000 warnings is never one string. */
const PIECE = 2000;

/** Compiler-style text: the location, severity, code and message, then the source line and a caret. */
export function renderText(report: ProblemReport, color: ChalkInstance): string {
  return [...textPieces(report, color)].join('');
}

/** The compiler-style text of a report, in pieces to write one after another. */
export function textPieces(report: ProblemReport, color: ChalkInstance): Generator<string> {
  const problemText = (p: Problem): string => {
    const lines: string[] = [];
    const severity = p.severity === 'error' ? color.red.bold('error') : color.yellow.bold('warning');
    const inlineHint = p.hint?.startsWith('did you mean') ? ` (${p.hint})` : '';
    lines.push(`${color.bold(`${printable(p.file)}:${p.line}:${p.column}`)} ${severity} ${color.dim(p.code)} ${printable(p.message)}${printable(inlineHint)}`);
    const { text: source, caret } = excerpt(report.sourceLine(p.file, p.line), p.column);
    if (source.trim() !== '') {
      const gutter = String(p.line).length;
      lines.push(`${color.dim(`${' '.repeat(gutter)} |`)}`);
      lines.push(`${color.dim(`${p.line} |`)} ${source}`);
      lines.push(`${color.dim(`${' '.repeat(gutter)} |`)} ${' '.repeat(caret)}${color.green('^')}`);
    }
    if (p.hint && !inlineHint) lines.push(`${color.cyan('hint:')} ${printable(p.hint)}`);
    // Each line ends with a line end; a blank line follows the problem.
    return `${lines.join('\n')}\n\n`;
  };
  const summary =
    report.problems.length === 0
      ? color.green(`${plural(report.files, 'file')} checked: no problems`)
      : `${plural(report.files, 'file')} checked: ${report.errors > 0 ? color.red(plural(report.errors, 'error')) : plural(0, 'error')}, ${plural(report.warnings, 'warning')}`;
  return inPieces(report.problems, PIECE, problemText, '', `${summary}\n`);
}

/** One JSON document: {ok, errors, warnings, problems: [...]} with every field of every problem. */
export function renderJson(report: ProblemReport): string {
  return [...jsonPieces(report)].join('');
}

/** A number as JSON.stringify writes it (what is not finite is null). */
const jsonNumber = (n: number): string => (Number.isFinite(n) ? String(n) : 'null');

/**
 * A problem as JSON.stringify lays out {file, line, column, code, severity, message, hint} at a
 * depth of 2 (a test holds the two equal): quicker than a stringify per problem. Code and
 * severity are mentor's own words, with nothing to escape.
 */
function problemJson(p: Problem): string {
  const q = JSON.stringify;
  return `{\n      "file": ${q(p.file)},\n      "line": ${jsonNumber(p.line)},\n      "column": ${jsonNumber(p.column)},\n      "code": "${p.code}",\n      "severity": "${p.severity}",\n      "message": ${q(p.message)},\n      "hint": ${q(p.hint ?? null)}\n    }`;
}

/** The JSON document of a report in pieces to write one after another, together exactly what renderJson gives. */
export function jsonPieces(report: ProblemReport): Generator<string> {
  return jsonListPieces({ ok: report.ok, errors: report.errors, warnings: report.warnings, files: report.files }, 'problems', report.problems, PIECE, problemJson);
}

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions workflow commands, one annotation per problem. */
export function renderGithub(report: ProblemReport): string {
  return [...githubPieces(report)].join('');
}

/** The workflow commands of a report, in pieces to write one after another. */
export function githubPieces(report: ProblemReport): Generator<string> {
  return inPieces(report.problems, PIECE, (p) => {
    const message = p.hint ? `${p.message} (${p.hint})` : p.message;
    return `::${p.severity} file=${escapeProperty(p.file)},line=${p.line},col=${p.column},title=${escapeProperty(`${p.code} ${PROBLEM_CODES[p.code].summary}`)}::${escapeData(message)}\n`;
  });
}

/**
 * Text from the data in a Markdown table cell of the job summary: nothing in it may become markup
 * (a table break, HTML, an image that loads a tracker, a link that leads elsewhere, emphasis).
 */
const cell = (s: string) =>
  s
    .replace(/[\\`*_{}[\]()#+!|~]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n|\r/g, '<br>');

/**
 * A Markdown table of the problems, errors first, for $GITHUB_STEP_SUMMARY (annotations show only
 * ten of each). GitHub drops a step's whole summary when it passes 1 MiB, so the table stops
 * before `room` bytes and says how many problems it leaves out; with no room even for that, nothing.
 */
export function renderStepSummary(report: ProblemReport, room = Number.POSITIVE_INFINITY): string {
  const head = `## mentor validate\n\n${report.ok ? '✅' : '❌'} ${plural(report.files, 'file')} checked: ${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')}\n`;
  if (report.problems.length === 0) return Buffer.byteLength(head) + 1 <= room ? `${head}\n` : '';
  const errorsFirst = [...report.problems.filter((p) => p.severity === 'error'), ...report.problems.filter((p) => p.severity !== 'error')];
  const left = (from: number) => {
    const rest = errorsFirst.slice(from);
    const errors = rest.filter((p) => p.severity === 'error').length;
    return `\n${plural(rest.length, 'more problem')} (${plural(errors, 'error')}, ${plural(rest.length - errors, 'warning')}) not in this table: GitHub keeps at most 1 MiB of summary for a step. The annotations in the log list every one, and \`mentor validate\` shows them all.\n\n`;
  };
  const table = `${head}\n| where | severity | code | problem | hint |\n| --- | --- | --- | --- | --- |\n`;
  const rowOf = (p: Problem) => `| ${cell(`${p.file}:${p.line}:${p.column}`)} | ${p.severity} | ${p.code} | ${cell(p.message)} | ${cell(p.hint ?? '')} |\n`;
  // The note is longest with every problem left out, give or take a plural: that much room, and a
  // little more, stays free for it until the rows are known to fit without it.
  const noteBytes = Buffer.byteLength(left(0)) + 16;
  let text = table;
  let bytes = Buffer.byteLength(table) + 1;
  let cut: { index: number; length: number } | undefined;
  for (const [index, p] of errorsFirst.entries()) {
    const row = rowOf(p);
    const rowBytes = Buffer.byteLength(row);
    // The last place where the note still fits after the rows before it.
    if (!cut && bytes - 1 + rowBytes + noteBytes > room) cut = { index, length: text.length };
    bytes += rowBytes;
    if (bytes > room) {
      if (Buffer.byteLength(table) + noteBytes > room) return '';
      return `${text.slice(0, cut!.length)}${left(cut!.index)}`;
    }
    text += row;
  }
  return `${text}\n`;
}

/** SARIF 2.1.0, for code-scanning dashboards. */
export function renderSarif(report: ProblemReport, version: string): string {
  return [...sarifPieces(report, version)].join('');
}

/** The SARIF log of a report, in pieces to write one after another: together JSON.stringify of the whole, laid out with two spaces. */
export function sarifPieces(report: ProblemReport, version: string): Generator<string> {
  const ruleIds = Object.keys(PROBLEM_CODES) as (keyof typeof PROBLEM_CODES)[];
  const ruleIndex = new Map<string, number>(ruleIds.map((id, index) => [id, index]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mentor',
            version,
            rules: ruleIds.map((id) => ({
              id,
              shortDescription: { text: PROBLEM_CODES[id].summary },
              defaultConfiguration: { level: PROBLEM_CODES[id].severity },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: LIST,
      },
    ],
  };
  const result = (p: Problem, indent: string) =>
    jsonLayout(
      {
        ruleId: p.code,
        ruleIndex: ruleIndex.get(p.code) ?? -1,
        level: p.severity,
        message: { text: p.hint ? `${p.message} (${p.hint})` : p.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: p.file, uriBaseId: '%SRCROOT%' },
              region: { startLine: p.line, startColumn: p.column },
            },
          },
        ],
      },
      indent,
    );
  return jsonDocumentPieces(sarif, report.problems, PIECE, result);
}
