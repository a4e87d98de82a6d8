// Text from the data on its way to a terminal. A title holding ESC could set the window title,
// clear the screen or hide text; a newline could forge a line of output. Such characters are
// shown escaped, as a programmer would write them, and never sent raw.

// C0 controls, DEL, C1 controls, and the line and paragraph separators some terminals break on.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One control character written out: `\n`, `\r`, `\t`, `\x1b`, `\u2028`. */
function escaped(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** A text from the data, safe to print on one line of a terminal: every control character escaped. */
export function printable(text: string): string {
  return text.replace(CONTROL, escaped);
}

