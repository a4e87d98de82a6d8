import { describe, expect, test } from 'vitest';
import { html, mdCell, mdInline, mdParagraphs, mermaidText, safeUrl } from '../../src/render/escape.js';

describe('mdInline', () => {
  test.each([
    ['plain text', 'plain text'],
    ['a | b', 'a \\| b'],
    ['<script>x</script>', '&lt;script&gt;x&lt;/script&gt;'],
    ['*bold* _it_ ~s~', '\\*bold\\* \\_it\\_ \\~s\\~'],
    ['[x](javascript:alert(1))', '\\[x\\](javascript:alert(1))'],
    ['line\nbreak', 'line break'],
    ['ends with \\', 'ends with \\\\'],
    ['- starts like a list', '\\- starts like a list'],
    ['1. starts numbered', '1\\. starts numbered'],
    ['60.000 USD', '60.000 USD'],
    ['2011-03-14', '2011-03-14'],
    ['# heading', '\\# heading'],
    ['`code`', '\\`code\\`'],
    ['a & b', 'a \\& b'],
    ['$x$ math', '\\$x\\$ math'],
  ])('%j -> %j', (input, expected) => expect(mdInline(input)).toBe(expected));
});

test('mdCell keeps line breaks as <br> and escapes each line', () => {
  expect(mdCell('one | a\ntwo <b>')).toBe('one \\| a<br>two &lt;b&gt;');
});

test('mdParagraphs keeps blank-line paragraphs and joins single line breaks', () => {
  expect(mdParagraphs('a\nb\n\n- c')).toBe('a b\n\n\\- c');
});

test.each([
  ['<a href="x">', '&lt;a href&#61;&quot;x&quot;&gt;'],
  ["it's & `x`", 'it&#39;s &amp; &#96;x&#96;'],
])('html(%j)', (input, expected) => expect(html(input)).toBe(expected));

test.each([
  ['https://example.org/a?b=c', 'https://example.org/a?b=c'],
  ['http://example.org', 'http://example.org/'],
  ['javascript:alert(1)', undefined],
  [' JaVaScRiPt:alert(1)', undefined],
  ['data:text/html,x', undefined],
  ['//evil.example', undefined],
  ['/relative', undefined],
])('safeUrl(%j)', (input, expected) => expect(safeUrl(input)).toBe(expected));

test.each([
  ['a: b; c # d %% e', 'a∶ b, c № d ٪٪ e'],
  ['click x call alert()', '· click x call alert()'],
  ['<b>x</b>\nline', '‹b›x‹/b› line'],
])('mermaidText(%j)', (input, expected) => expect(mermaidText(input)).toBe(expected));
