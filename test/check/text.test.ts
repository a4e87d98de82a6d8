import { expect, test } from 'vitest';
import { checkSchema } from '../../src/check/schema.js';
import { checkControlCharacters, checkText } from '../../src/check/text.js';
import { SessionSchema } from '../../src/model/session.js';
import { parseSource } from '../../src/store/source.js';

const check = (yaml: string) => checkControlCharacters(parseSource('partnerships/bergen-mombasa/partnership.yaml', yaml)).map((p) => `${p.line}:${p.column} ${p.code} ${p.severity} ${p.message}`);

test.each([
  ['title: "Bergen \\e]0;PWNED\\a\\e[2J"\n', ['1:8 MTR019 warning the text holds a control character (\\x1b, ESC, which starts terminal escape sequences) at character 8']],
  ['mentor:\n  name: "City of \\x07Bergen"\n', ['2:9 MTR019 warning the text holds a control character (\\x07, BEL) at character 9']],
  ['topics:\n  - land use\n  - "survey \\x9b2J"\n', ['3:5 MTR019 warning the text holds a control character (\\x9b, a C1 control) at character 8']],
  ['title: "a\\rb"\n', ['1:8 MTR019 warning the text holds a control character (\\x0d, a carriage return without a line feed) at character 2']],
  // Tabs and the line breaks of a multi-line text are text.
  ['title: "Bergen\\tMombasa"\n', []],
  ['summary: |\n  Land use survey\n  of the pilot area\n', []],
  ['summary: "two\\r\\nlines"\n', []],
  ['title: Bergen – Mombasa land use\n', []],
])('%j', (yaml, expected) => {
  expect(check(yaml)).toEqual(expected);
});

test.each([
  ['\r\r\r', ['1:1 MTR001 error the file holds only carriage returns (CR) and no data']],
  ['date: 2011-02-14\rtitle: Land use survey\r', ['1:1 MTR001 error the lines of the file end in a bare carriage return (CR, as on classic Mac OS), which YAML does not read as a line break']],
  ['date: 2011-02-14\r\ntitle: Land use survey\r\n', []],
  ['\n', []],
])('line ends of %j', (text, expected) => {
  const problems = checkText(parseSource('partnerships/bergen-mombasa/sessions/2011-02-14-survey.yaml', text));
  expect(problems.map((p) => `${p.line}:${p.column} ${p.code} ${p.severity} ${p.message}`)).toEqual(expected);
});

test('a CR-only file is not called empty by the schema check', () => {
  const source = parseSource('partnerships/bergen-mombasa/sessions/2011-02-14-survey.yaml', '\r\r\r');
  expect(checkSchema(source, SessionSchema, 'a session')).toEqual([]);
  expect(checkSchema(parseSource('x.yaml', '# nothing\n'), SessionSchema, 'a session').map((p) => p.message)).toEqual(['the file is empty; it should hold a session']);
});

test('merge-conflict markers: one error at the first marker', () => {
  const text = 'date: 2010-10-18\n<<<<<<< HEAD\ntitle: Study visit to Bergen\n=======\ntitle: Study visit to Bergen (draft)\n>>>>>>> feature/visit\ntype: study-visit\n';
  expect(checkText(parseSource('s.yaml', text)).map((p) => `${p.line}:${p.column} ${p.code} ${p.severity} ${p.message}`)).toEqual([
    '2:1 MTR001 error unresolved merge-conflict markers (<<<<<<<, =======, >>>>>>>): a merge left both versions in the file',
  ]);
  expect(checkText(parseSource('s.yaml', 'title: "======= not a marker"\nnote: |\n  =======x\n'))).toEqual([]);
});
