// MTR019: a text of the data holding control characters. Terminals are protected anyway (ui/printable),
// but such a character is almost always pasted by accident, or planted: an escape sequence in a title
// that would rewrite a terminal, a NUL or a bell that other tools choke on.
import { problem, type Problem } from '../model/problem.js';
import type { PathSegment, SourceFile } from '../model/source.js';

// ESC and every other C0 control but tab, line feed and the carriage return of a CRLF line end;
// DEL; the C1 controls (U+0080 to U+009F, the 8-bit forms of escape sequences).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)/;

/** The checks of a file's text: merge-conflict markers, line ends YAML cannot read, control characters in its texts. */
export function checkText(source: SourceFile): Problem[] {
  return [...checkConflictMarkers(source), ...checkLineEnds(source), ...checkControlCharacters(source)];
}

const CONFLICT_MARKER = /^(?:<{7}|={7}|>{7}|\|{7})(?: |\r?$)/m;

/**
 * A merge left unresolved: the YAML parser only says "implicit keys need to be on a single line".
 * One error at the first marker says what happened and what to do.
 */
export function checkConflictMarkers(source: SourceFile): Problem[] {
  const found = CONFLICT_MARKER.exec(source.text);
  if (!found) return [];
  let line = 1;
  for (let at = source.text.indexOf('\n'); at !== -1 && at < found.index; at = source.text.indexOf('\n', at + 1)) line++;
  return [
    problem(
      'MTR001',
      { file: source.file, line, column: 1 },
      'unresolved merge-conflict markers (<<<<<<<, =======, >>>>>>>): a merge left both versions in the file',
      'keep the right version of the lines between the markers, delete the markers, then commit',
    ),
  ];
}

/**
 * Lines ended by a bare carriage return (classic Mac OS) are no line breaks to YAML: the whole file
 * is one line, and the parser's own complaint (a value with ": ", or a text where a mapping belongs)
 * would not say why. Say it.
 */
export function checkLineEnds(source: SourceFile): Problem[] {
  if (!source.text.includes('\r') || source.text.includes('\n')) return [];
  const at1 = { file: source.file, line: 1, column: 1 };
  const hint = 'save the file with LF (Unix) or CRLF (Windows) line ends';
  if (source.text.trim() === '') return [problem('MTR001', at1, 'the file holds only carriage returns (CR) and no data', hint)];
  return [problem('MTR001', at1, 'the lines of the file end in a bare carriage return (CR, as on classic Mac OS), which YAML does not read as a line break', hint)];
}

/** A warning for each text of a file's data (values, and keys) that holds a control character. */
export function checkControlCharacters(source: SourceFile): Problem[] {
  const problems: Problem[] = [];
  // A whole file that is one text is no text field (the schema says what is wrong with it).
  if (typeof source.data === 'string') return problems;
  // A value holds a control character only if the text does, or writes one as an escape ("\e",
  // "\x1b"): a text with neither, most files, needs no walk through its data.
  if (!CONTROL.test(source.text) && !source.text.includes('\\')) return problems;
  const visit = (value: unknown, path: PathSegment[]): void => {
    if (typeof value === 'string') {
      const found = CONTROL.exec(value);
      if (found) {
        const name = describe(found[0]);
        problems.push(
          problem('MTR019', { file: source.file, ...source.locate(path) }, `the text holds a control character (${name}) at character ${found.index + 1}`, 'delete it: a text holds letters, spaces, tabs and line breaks only'),
        );
      }
      return;
    }
    if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, index]));
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (CONTROL.test(key)) problems.push(problem('MTR019', { file: source.file, ...source.locate([...path, key], 'key') }, `the key holds a control character (${describe(CONTROL.exec(key)![0])})`, 'delete it'));
        visit(item, [...path, key]);
      }
    }
  };
  visit(source.data, []);
  return problems;
}

const NAMES: Record<number, string> = { 0x00: 'NUL', 0x07: 'BEL', 0x08: 'backspace', 0x0d: 'a carriage return without a line feed', 0x1b: 'ESC, which starts terminal escape sequences', 0x7f: 'DEL' };

function describe(char: string): string {
  const code = char.charCodeAt(0);
  return `${`\\x${code.toString(16).padStart(2, '0')}`}${NAMES[code] ? `, ${NAMES[code]}` : code >= 0x80 ? ', a C1 control' : ''}`;
}
