import { expect, test } from 'vitest';
import { printable } from '../../src/ui/printable.js';

test.each([
  ['Bergen \u001b]0;PWNED\u0007\u001b[2J', 'Bergen \\x1b]0;PWNED\\x07\\x1b[2J'],
  ['Study visit\nto Bergen', 'Study visit\\nto Bergen'],
  ['tab\there\r', 'tab\\there\\r'],
  ['C1 \u009b2J and DEL \u007f', 'C1 \\x9b2J and DEL \\x7f'],
  ['line\u2028separator', 'line\\u2028separator'],
  ['Ciudad Sur – Rosario', 'Ciudad Sur – Rosario'],
])('printable(%j)', (text, expected) => {
  expect(printable(text)).toBe(expected);
});

