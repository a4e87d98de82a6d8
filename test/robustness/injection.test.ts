// Injection: ids and --out paths cannot escape the repository or the output folder; report values
// cannot inject HTML or Markdown (hostile strings fuzzed through markdown-it and parse5); templates
// from a repository cannot reach object prototypes, the file system or the process; links only
// ever go to http(s).

import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { parse as parseHtml, type DefaultTreeAdapterMap } from 'parse5';
import { parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderReport } from '../../src/ops/report.js';
import { DOCUMENT_KINDS } from '../../src/render/index.js';
import { openRepository } from '../../src/store/repository.js';
import { EXAMPLES, ROOT } from '../helpers/cli.js';
import { cases, Figures, LONG, outcomeOf, SEED } from './figures.js';
import { binary, fingerprint, inProcess, leftovers } from './support.js';

const figures = new Figures('5-injection');
const SECTION = '5. Injection';
const ID = 'johannesburg-lilongwe';

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});
/** A copy of the examples inside a parent folder of its own, so writes outside the repository show. */
function sandbox(): { parent: string; root: string } {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'mentor-injection-'));
  temps.push(parent);
  const root = path.join(parent, 'repo');
  cpSync(EXAMPLES, root, { recursive: true });
  return { parent, root };
}

describe('ids cannot become paths', () => {
  const HOSTILE_IDS = ['..', '.', '../outside', '../../etc', '/etc/passwd', 'a/b', 'a\\b', '', ' ', 'Johannesburg-Lilongwe', 'x'.repeat(65), 'a..b', '-x', 'x-', 'a\u0000b', '%2e%2e', 'a;rm -rf ~', '~', '$(touch pwned)', 'é', 'a b', 'a\nb', 'a\tb'];
  const COMMANDS = (id: string): string[][] => [
    ['init', id, '--mentor', 'tbd', '--mentee', 'Mzuzu', '--mentee-country', 'MW', '--topic', 'x', '--yes'],
    ['session', 'add', id, '--date', '2011-04-01', '--title', 'x', '--type', 'workshop', '--level', 'technical', '--host', 'mentee'],
    ['session', 'list', id],
    ['advance', id, '--date', '2011-04-01'],
    ['suspend', id, '--reason', 'x', '--date', '2011-04-01'],
    ['resume', id, '--date', '2011-04-01'],
    ['cancel', id, '--reason', 'x', '--date', '2011-04-01'],
    ['status', id],
    ['report', id, '--kind', 'tor'],
  ];

  // Every id through every command in the long run; in `npm test`, every id through the two commands
  // that create files and folders (init, session add) and through one of the seven others in turn.
  const RUNS = HOSTILE_IDS.flatMap((id, i) => COMMANDS(id).filter((_, j) => LONG || j < 2 || j - 2 === i % 7));

  it(`${HOSTILE_IDS.length} hostile ids through ${COMMANDS('x').length} commands (${RUNS.length} runs): exit 2, nothing written inside or outside the repository`, async () => {
    const { parent, root } = sandbox();
    const before = fingerprint(parent);
    expect(new Set(RUNS.map((args) => args.slice(0, args[0] === 'session' ? 2 : 1).join(' '))).size, 'every command is tried').toBe(COMMANDS('x').length);
    for (const args of RUNS) {
      const run = await inProcess(args, root);
      const { outcome, crashed } = outcomeOf(run);
      figures.count(SECTION, 'hostile partnership ids, every command taking one', outcome, { crashed });
      expect(run.code, `mentor ${args.join(' ')}: ${run.stderr}`).toBe(2);
      expect(run.stderr.trimEnd().split('\n'), run.stderr).toHaveLength(1);
    }
    expect(fingerprint(parent)).toEqual(before);
  });
});

describe('--out writes exactly <out>/<kind>.<format> and nothing else', () => {
  it.each([
    ['a relative folder', 'out/docs'],
    ['a folder outside the repository (the user asked for it)', '../elsewhere'],
    ['an absolute folder', '/ABS/abs-out'],
    ['a folder with odd characters', 'out/ré sumé [1] $x;'],
    ['a folder named like a partnership file', 'partnerships/johannesburg-lilongwe/sessions-out'],
  ])('%s', async (_name, out) => {
    const { parent, root } = sandbox();
    const given = out.replace('/ABS', parent);
    const before = fingerprint(parent);
    const run = await inProcess(['report', ID, '--kind', 'all', '--out', given], root);
    const { outcome, crashed } = outcomeOf(run);
    figures.count(SECTION, '--out folders', outcome, { crashed });
    expect(run.code, run.stderr).toBe(0);
    const dir = path.resolve(root, given);
    const added = Object.keys(fingerprint(parent)).filter((rel) => !(rel in before) && !rel.endsWith('/'));
    expect(added.map((rel) => path.join(parent, rel)).sort()).toEqual(DOCUMENT_KINDS.map((kind) => path.join(dir, `${kind}.md`)).sort());
    expect(leftovers(parent)).toEqual([]);
  });

  it('a report file that is a symbolic link is replaced, never written through', async () => {
    const { parent, root } = sandbox();
    const target = path.join(parent, 'precious.txt');
    writeFileSync(target, 'precious');
    mkdirSync(path.join(root, 'out'));
    const { symlinkSync } = await import('node:fs');
    symlinkSync(target, path.join(root, 'out', 'tor.md'));
    const run = await inProcess(['report', ID, '--kind', 'tor', '--out', 'out'], root);
    figures.count(SECTION, '--out folders', outcomeOf(run).outcome);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe('precious');
  });
});

// ---- Report values fuzzed with hostile strings ------------------------------------------------

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
function elements(node: Node): Element[] {
  const found: Element[] = [];
  const walk = (n: Node) => {
    if ('tagName' in n) found.push(n);
    const children = 'content' in n && n.content ? n.content.childNodes : 'childNodes' in n ? n.childNodes : [];
    for (const child of children) walk(child);
  };
  walk(node);
  return found;
}
/** Tag names and how often each occurs, leaving out the paragraphs and line breaks values may add. */
function tagCounts(root: Node): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const el of elements(root)) if (el.tagName !== 'p' && el.tagName !== 'br') counts[el.tagName] = (counts[el.tagName] ?? 0) + 1;
  return counts;
}
function rowWidths(root: Node): number[] {
  return elements(root)
    .filter((el) => el.tagName === 'tr')
    .map((tr) => tr.childNodes.filter((c) => 'tagName' in c && (c.tagName === 'td' || c.tagName === 'th')).length);
}

/** Pieces of Markdown, HTML, Mermaid, YAML-looking text and odd Unicode, glued at random. */
const PIECES = [
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">a</a>', '</td></tr></table>', '<!--', '-->', '<![CDATA[', '<svg onload=alert(1)>', '&lt;', '&#x3C;', '&amp;',
  '[x](javascript:alert(1))', '![i](http://evil.example/i.png)', '<javascript:alert(1)>', '<http://evil.example>', 'http://ok.example/a_b', 'www.evil.example', 'mailto:a@b.c',
  '|', '||', '\\|', '\\', '`', '```', '~~~', '*', '**', '_', '__', '#', '# ', '## Heading', '> quote', '- item', '1. item', '1) item', '---', '===', '+', '[ ]', '[^1]', '[1]: http://evil.example',
  ':', ';', '%%', '%%{init: {}}%%', 'click t1 href "javascript:alert(1)"', 'section x', 'gantt', '"', "'", '{', '}', '[', ']', '(', ')', '<', '>', '=',
  '\n', '\n\n', '\r\n', '\t', '  ', '\u00a0', '\u200b', '\u202e', '\u2028', '\u2029', '\ufeff', '\u001b[31m', '😀', 'é', 'ǅ', '\ufffd', 'ﷺ', 'x', 'Lilongwe', '2011-03-31',
];
const hostile = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 }).map((p) => p.join('')).filter((s) => s.trim().length > 0);

/** Fields of the example partnership that reports show, as paths in partnership.yaml. */
const FIELDS: (string | number)[][] = [
  ['title'], ['mentor', 'name'], ['mentee', 'name'], ['mentee', 'lga'], ['request', 'from'], ['request', 'topic'], ['assessment', 'summary'],
  ['agreement', 'terms', 'objectives', 0], ['agreement', 'approvals', 0, 'body'], ['task_force', 0, 'name'], ['task_force', 0, 'role'],
  ['targets', 0, 'title'], ['targets', 0, 'indicator'], ['milestones', 0, 'title'], ['product', 'title'], ['funding', 0, 'funder'], ['risks', 0, 'risk'], ['history', 1, 'note'], ['focus', 0],
];

describe('report values cannot inject HTML or Markdown', () => {
  const { root } = sandbox();
  const file = path.join(root, 'partnerships', ID, 'partnership.yaml');
  const original = readFileSync(file, 'utf8');
  // As VS Code's preview and many site generators read Markdown: raw HTML on, URLs linked.
  const md = new MarkdownIt({ html: true, linkify: true });
  const render = async (kind: (typeof DOCUMENT_KINDS)[number], format: 'md' | 'html') =>
    (await renderReport(openRepository(root), { cwd: root, today: '2011-03-31', stdout: true, env: {}, id: ID, kind, format })).output as string;
  type Parsed = { md: ReturnType<typeof md.parse>; html: Node; mdHtml: Node };
  const baseline: Record<string, Parsed> = {};
  beforeAll(async () => {
    for (const kind of DOCUMENT_KINDS) {
      baseline[kind] = { md: md.parse(await render(kind, 'md'), {}), html: parseHtml(await render(kind, 'html')), mdHtml: parseHtml(md.render(await render(kind, 'md'))) };
    }
  });

  it('hostile strings in nineteen fields, rendered in Markdown (through markdown-it) and HTML (through parse5)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostile, { minLength: FIELDS.length, maxLength: FIELDS.length }), async (values) => {
        const doc = parseDocument(original);
        // Fresh nodes: yaml would keep the plain style of the old value, which cannot hold every text.
        FIELDS.forEach((field, i) => doc.setIn(field, doc.createNode(values[i])));
        writeFileSync(file, doc.toString({ lineWidth: 0 }));
        for (const kind of DOCUMENT_KINDS) {
          // Markdown: no raw HTML but the <br> of table cells, no links but http(s), no image, no
          // heading, quote or list of its own, every table row as wide as before.
          const source = await render(kind, 'md');
          const tokens = md.parse(source, {});
          const inline = tokens.flatMap((t) => [t, ...(t.children ?? [])]);
          for (const t of inline.filter((t) => t.type === 'html_inline' || t.type === 'html_block')) expect(t.content, kind).toBe('<br>');
          for (const t of inline.filter((t) => t.type === 'link_open')) expect(t.attrGet('href'), kind).toMatch(/^(https?:\/\/|mailto:)/);
          expect(inline.filter((t) => t.type === 'image'), kind).toEqual([]);
          const structure = (list: typeof tokens) => list.filter((t) => /^(heading|blockquote|bullet_list|ordered_list|table|tr|fence|code_block|hr)_?open$|^(fence|code_block|hr)$/.test(t.type)).map((t) => t.type);
          expect(structure(tokens), `${kind}.md structure`).toEqual(structure(baseline[kind]!.md));
          const rendered = parseHtml(md.render(source));
          expect(rowWidths(rendered), `${kind}.md tables`).toEqual(rowWidths(baseline[kind]!.mdHtml));
          // HTML: the same elements as with plain values, no event handler, links only http(s).
          const html = parseHtml(await render(kind, 'html'));
          expect(tagCounts(html), `${kind}.html elements`).toEqual(tagCounts(baseline[kind]!.html));
          for (const el of elements(html)) {
            for (const attr of el.attrs) {
              expect(attr.name, `${kind}.html <${el.tagName}>`).not.toMatch(/^on/i);
              if (attr.name === 'href' || attr.name === 'src') expect(attr.value).toMatch(/^https?:\/\//);
            }
          }
          expect(rowWidths(html), `${kind}.html tables`).toEqual(rowWidths(baseline[kind]!.html));
        }
        figures.count(SECTION, 'hostile strings in 19 report fields, 3 documents x 2 formats, parsed back', 'no markup injected, tables intact');
      }),
      { seed: SEED, numRuns: cases(3, 300) },
    );
  }, 600_000);
});

// ---- Templates from a repository ----------------------------------------------------------------

describe('templates from a repository', () => {
  // One copy of the examples for every template below: each writes its own templates/tor.md.hbs.
  let box: { parent: string; root: string };
  beforeAll(() => {
    box = sandbox();
    mkdirSync(path.join(box.root, 'templates'));
  });
  /** [name, template, what must hold of the run] */
  const ATTEMPTS: [string, string, (run: { code: number | null; stdout: string; stderr: string }) => void][] = [
    ['the constructor of the view', '{{text constructor}}', (r) => expect(r.code).toBe(1)],
    ['the constructor through a string', '{{text title.constructor.name}}', (r) => expect(`${r.stdout}`).not.toMatch(/Function|String/)],
    ['with constructor', '{{#with constructor}}{{text name}}{{/with}}', (r) => expect(r.stdout).not.toMatch(/Object|Function/)],
    ['lookup constructor', '{{text (lookup this "constructor")}}', (r) => expect(r.code).toBe(1)],
    ['__proto__', '{{text __proto__}}', (r) => expect(r.code).toBe(1)],
    ['each over __proto__', '{{#each (lookup this "__proto__")}}{{text @key}}{{/each}}.', (r) => expect(r.stdout).toBe('.')],
    ['each over the view: own data only', '{{#each this}}{{text @key}} {{/each}}', (r) => expect(r.stdout).not.toMatch(/constructor|__proto__|hasOwnProperty|toString/)],
    ['the classic Handlebars code-execution payload', '{{#with "s" as |string|}}{{#with "e"}}{{#with split as |conslist|}}{{this.pop}}{{this.push (lookup string.sub "constructor")}}{{this.pop}}{{#with string.split as |codelist|}}{{this.pop}}{{this.push "return process.mainModule.require(\'child_process\').execSync(\'touch PWNED\');"}}{{this.pop}}{{#each conslist}}{{#with (string.sub.apply 0 codelist)}}{{this}}{{/with}}{{/each}}{{/with}}{{/with}}{{/with}}{{/with}}', (r) => expect(r.code).toBe(1)],
    ['an unknown helper', '{{exec "touch PWNED"}}', (r) => expect(r.code).toBe(1)],
    ['a raw value', '{{{title}}}', (r) => expect(r.code).toBe(1)],
    ['an unescaped value', '{{title}}', (r) => expect(r.code).toBe(1)],
    ['a partial that includes itself', '{{> tor}}', (r) => expect([0, 1]).toContain(r.code)],
    ['a javascript: link from data', '{{link title "x"}}|{{link "javascript:alert(1)" "y"}}|{{link " JAVASCRIPT:alert(1)" "z"}}|{{link "data:text/html,<b>" "w"}}|{{link "https://ok.example/" "ok"}}', (r) => expect(r.stdout).toBe('x|y|z|w|[ok](https://ok.example/)')],
  ];

  it.each(ATTEMPTS)('%s: no prototype, file system or process reached; exit 0 or 1, never a crash', async (_name, template, check) => {
    const { parent, root } = box;
    writeFileSync(path.join(root, 'templates', 'tor.md.hbs'), template);
    const run = await inProcess(['report', ID, '--kind', 'tor', '--stdout'], root);
    const { outcome, crashed } = outcomeOf(run);
    figures.count(SECTION, 'templates trying to reach prototypes, the file system or the process', outcome, { crashed, ms: run.ms });
    expect(crashed, run.stderr).toBe(false);
    expect([0, 1]).toContain(run.code);
    check(run);
    expect(existsSync(path.join(root, 'PWNED')) || existsSync(path.join(parent, 'PWNED'))).toBe(false);
  });

  it('compile() and precompile() are only ever given a string: the template text', () => {
    const source = readFileSync(path.join(ROOT, 'src/render/environment.ts'), 'utf8');
    const calls = [...source.matchAll(/\bhb\.(pre)?compile\(([^,)]+)/g)].map((m) => m[2]!.trim());
    expect(calls.length).toBeGreaterThan(0);
    for (const argument of calls) expect(argument).toBe('source.text');
    expect(source).toMatch(/text: readFileSync\([^)]*'utf8'\)/);
    expect(source).not.toMatch(/allowProtoPropertiesByDefault|allowProtoMethodsByDefault|allowedProtoProperties|allowedProtoMethods/);
    figures.count(SECTION, 'what compile() is given (a check of the source)', 'strings only; prototype access never allowed');
  });

  it('only the project helpers and the Handlebars built-ins are known', async () => {
    const { root } = box;
    for (const helper of ['blockHelperMissing', 'helperMissing', 'exec', 'require', 'eval', 'process', 'import']) {
      writeFileSync(path.join(root, 'templates', 'tor.md.hbs'), `{{${helper} "x"}}`);
      const run = await inProcess(['report', ID, '--kind', 'tor', '--stdout'], root);
      figures.count(SECTION, 'templates calling helpers that are not the project’s', outcomeOf(run).outcome);
      expect(run.code, `${helper}: ${run.stderr}`).toBe(1);
    }
  });
});

describe('problems found here and fixed in src/render', () => {
  it('{{log}} in a repository template does not write to the console (Handlebars\' log helper is removed)', async () => {
    const { root } = sandbox();
    mkdirSync(path.join(root, 'templates'));
    writeFileSync(path.join(root, 'templates', 'tor.md.hbs'), '{{log "LEAKED"}}ok');
    // Run in this process with every way to the console watched (Handlebars' logger calls
    // console[method]); the long run also runs the binary and reads all it wrote.
    const consoled: string[] = [];
    const keep = (...args: unknown[]) => void consoled.push(args.map(String).join(' '));
    const spies = [
      ...(['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((method) => vi.spyOn(console, method).mockImplementation(keep)),
      ...[process.stdout, process.stderr].map((stream) => vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => (keep(chunk), true))),
    ];
    let run: Awaited<ReturnType<typeof inProcess>>;
    try {
      run = await inProcess(['report', ID, '--kind', 'tor', '--stdout'], root);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    expect(`${run.stdout}${run.stderr}${consoled.join('\n')}`).not.toContain('LEAKED');
    if (LONG) {
      const spawned = await binary(['report', ID, '--kind', 'tor', '--stdout'], root);
      expect(`${spawned.stdout}${spawned.stderr}`).not.toContain('LEAKED');
    }
  });

  it('a value with a URL followed by escaped markup stays text under markdown-it with linkify (as in VS Code’s preview)', async () => {
    const { root } = sandbox();
    const file = path.join(root, 'partnerships', ID, 'partnership.yaml');
    const doc = parseDocument(readFileSync(file, 'utf8'));
    doc.setIn(['focus', 0], 'http://ok.example/a_b<img src=x onerror=alert(1)>');
    writeFileSync(file, doc.toString({ lineWidth: 0 }));
    const source = (await renderReport(openRepository(root), { cwd: root, today: '2011-03-31', stdout: true, env: {}, id: ID, kind: 'tor', format: 'md' })).output as string;
    // mdInline once wrote http://ok.example/a\_b\<img ...\>, and the URL swallowed the backslash before "<".
    expect(new MarkdownIt({ html: true, linkify: true }).render(source)).not.toContain('<img');
  });

  it('a template that is a symbolic link (to a file outside the repository) is not read', async () => {
    const { parent, root } = sandbox();
    writeFileSync(path.join(parent, 'secret.txt'), 'SECRET-OUTSIDE-THE-REPOSITORY');
    mkdirSync(path.join(root, 'templates'));
    const { symlinkSync } = await import('node:fs');
    symlinkSync(path.join(parent, 'secret.txt'), path.join(root, 'templates', 'tor.md.hbs'));
    const run = await inProcess(['report', ID, '--kind', 'tor', '--stdout'], root);
    expect(run.stdout).not.toContain('SECRET-OUTSIDE-THE-REPOSITORY');
  });
});

