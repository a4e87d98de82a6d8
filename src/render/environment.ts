// The Handlebars environment: an isolated instance, strict, with only known helpers, and helpers
// that escape every value for where it lands and refuse undefined instead of printing it.
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { packageRoot } from '../util/package-root.js';
import { cssString, html, mdCell, mdInline, mdParagraphs, mdUrl, mermaidText, paragraphsOf, safeUrl } from './escape.js';
import { fill } from './locale.js';
import type { Strings } from './locales/en.js';

export type TemplateFormat = 'md' | 'html';

/** A template that cannot be compiled or rendered; `file` says whose it is. */
export class TemplateError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly overridden: boolean,
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}

type Helper = (...args: unknown[]) => unknown;
const HELPER_NAMES = ['text', 'cell', 'para', 't', 'link', 'mermaid', 'num', 'css'] as const;

/** Where the built-in templates are: templates/ at the package root. */
export function builtInTemplatesDir(): string {
  return path.join(packageRoot('templates/tor.md.hbs'), 'templates');
}

function present(value: unknown, helper: string): string | number {
  if (value === undefined || value === null) throw new Error(`{{${helper}}} was given an undefined value (a misspelt field?)`);
  if (typeof value !== 'string' && typeof value !== 'number') throw new Error(`{{${helper}}} prints text or numbers, not ${typeof value}`);
  return value;
}

/** The helpers of one output format. Each escapes for its place in that format. */
function helpersFor(format: TemplateFormat): Record<(typeof HELPER_NAMES)[number], Helper> {
  const out = (s: string) => (format === 'html' ? new Handlebars.SafeString(s) : s);
  const inline = format === 'html' ? html : mdInline;
  const translate = (key: unknown, options: Handlebars.HelperOptions) => {
    const strings = (options.data as { strings?: Strings } | undefined)?.strings;
    if (typeof key !== 'string' || !strings || !(key in strings)) throw new Error(`{{t}}: no string "${String(key)}"`);
    const template = strings[key as keyof Strings];
    const hash = options.hash as Record<string, unknown>;
    return fill(format === 'html' ? html(template) : template, (name) => {
      if (!(name in hash)) throw new Error(`{{t "${key}"}} needs ${name}=...`);
      return inline(String(present(hash[name], `t "${key}" ${name}`)));
    });
  };
  return {
    text: (value) => out(inline(String(present(value, 'text')))),
    cell: (value) => out(format === 'html' ? html(String(present(value, 'cell'))) : mdCell(String(present(value, 'cell')))),
    para: (value) => {
      const text = String(present(value, 'para'));
      return out(format === 'html' ? paragraphsOf(text).map((p) => `<p>${html(p)}</p>`).join('\n') : mdParagraphs(text));
    },
    t: (key, options) => out(translate(key, options as Handlebars.HelperOptions)),
    link: (url, label) => {
      const text = String(present(label, 'link'));
      const href = safeUrl(String(present(url, 'link')));
      if (!href) return out(inline(text));
      return out(format === 'html' ? `<a href="${html(href)}">${html(text)}</a>` : `[${mdInline(text)}](${mdUrl(href)})`);
    },
    mermaid: (value) => out(format === 'html' ? html(mermaidText(String(present(value, 'mermaid')))) : mermaidText(String(present(value, 'mermaid')))),
    // Inside a quoted CSS string in a <style> element (print furniture such as running footers).
    css: (value) => out(cssString(String(present(value, 'css')))),
    num: (value) => {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`{{num}} prints finite numbers, not ${String(value)}`);
      return out(String(Math.round(value * 10) / 10));
    },
  };
}

/**
 * Refuse what would print a value unescaped: a plain {{value}} (use a helper that knows where the
 * value lands, such as {{text value}}) and triple-stash {{{value}}}.
 */
function checkTemplate(source: string, file: string, overridden: boolean): void {
  const problems: string[] = [];
  const visit = (node: hbs.AST.Node | null | undefined): void => {
    if (!node) return;
    const n = node as hbs.AST.Node & { body?: hbs.AST.Node[]; program?: hbs.AST.Program; inverse?: hbs.AST.Program };
    if (n.type === 'MustacheStatement') {
      const m = n as unknown as hbs.AST.MustacheStatement;
      const name = (m.path as hbs.AST.PathExpression).original;
      const line = m.loc?.start.line ?? 0;
      if (!m.escaped) problems.push(`line ${line}: {{{${name}}}} prints a value unescaped`);
      else if (m.params.length === 0 && (!m.hash || m.hash.pairs.length === 0)) problems.push(`line ${line}: {{${name}}} prints a value without escaping it for its place; write {{text ${name}}} or another helper`);
    }
    n.body?.forEach(visit);
    visit(n.program);
    visit(n.inverse);
  };
  try {
    visit(Handlebars.parse(source));
  } catch (error) {
    throw new TemplateError(`${file}: ${(error as Error).message.split('\n')[0]}`, file, overridden);
  }
  if (problems.length > 0) throw new TemplateError(`${file}: ${problems.join('; ')}`, file, overridden);
}

interface TemplateSource {
  file: string;
  text: string;
  overridden: boolean;
}

/** A repository's template is a few kilobytes; the limit is that of data files, so a huge one cannot stall a report. */
export const MAX_TEMPLATE_BYTES = 1024 * 1024;

/** A template by file name: the repository's own in <root>/templates/ when there is one, else the built-in. */
function findTemplate(relative: string, builtIn: string, override: string | undefined): TemplateSource | undefined {
  if (override) {
    const own = path.join(override, relative);
    // Named as the repository names it, for messages.
    const file = `templates/${relative.split(path.sep).join('/')}`;
    if (existsSync(own) || isLink(own)) return { file, text: readOwnTemplate(own, file), overridden: true };
  }
  const file = path.join(builtIn, relative);
  return existsSync(file) ? { file, text: readFileSync(file, 'utf8'), overridden: false } : undefined;
}

/**
 * The text of a repository's own template, which is a regular file of at most MAX_TEMPLATE_BYTES:
 * a link could lead anywhere on the machine, a folder cannot be read, a named pipe would block for ever.
 */
function readOwnTemplate(abs: string, file: string): string {
  const stat = lstatSync(abs);
  const refuse = (what: string) => new TemplateError(`${file} is ${what}, not a template file`, file, true);
  if (stat.isSymbolicLink()) throw new TemplateError(`${file} is a symbolic link; mentor does not follow links in a repository`, file, true);
  if (stat.isDirectory()) throw refuse('a folder');
  if (stat.isFIFO()) throw refuse('a named pipe');
  if (!stat.isFile()) throw refuse('a special file');
  if (stat.size > MAX_TEMPLATE_BYTES) throw new TemplateError(`${file} is ${stat.size} bytes; templates are limited to ${MAX_TEMPLATE_BYTES} bytes, like data files`, file, true);
  return readFileSync(abs, 'utf8');
}

function isLink(abs: string): boolean {
  try {
    return lstatSync(abs).isSymbolicLink();
  } catch {
    return false;
  }
}

function partialNames(dirs: (string | undefined)[], format: TemplateFormat, overrideDir: string | undefined): string[] {
  const names = new Set<string>();
  const suffix = `.${format}.hbs`;
  for (const dir of dirs) {
    if (!dir) continue;
    const partials = path.join(dir, 'partials');
    if (dir === overrideDir && isLink(partials)) throw new TemplateError('templates/partials is a symbolic link; mentor does not follow links in a repository', 'templates/partials', true);
    if (!existsSync(partials) || !lstatSync(partials).isDirectory()) continue;
    for (const entry of readdirSync(path.join(dir, 'partials'))) if (entry.endsWith(suffix)) names.add(entry.slice(0, -suffix.length));
  }
  return [...names].sort();
}

/** Renders the documents of one format, with a repository's overrides when `overrideDir` is given. */
export class TemplateRenderer {
  private readonly hb = Handlebars.create();
  private readonly compiled = new Map<string, Handlebars.TemplateDelegate>();
  private readonly options: CompileOptions;
  /** The repository's own templates and partials in use. */
  private readonly overridden: string[] = [];

  constructor(
    readonly format: TemplateFormat,
    private readonly builtIn: string = builtInTemplatesDir(),
    private readonly overrideDir?: string,
  ) {
    this.options = {
      strict: true,
      knownHelpersOnly: true,
      knownHelpers: Object.fromEntries(HELPER_NAMES.map((name) => [name, true])),
      noEscape: format === 'md',
      preventIndent: true,
    };
    // Handlebars' own `log` writes to the console: a template fills in a document and does nothing else.
    this.hb.unregisterHelper('log');
    for (const [name, helper] of Object.entries(helpersFor(format))) this.hb.registerHelper(name, helper);
    for (const name of partialNames([builtIn, overrideDir], format, overrideDir)) {
      const source = findTemplate(path.join('partials', `${name}.${format}.hbs`), builtIn, overrideDir)!;
      this.hb.registerPartial(name, this.compile(source));
    }
  }

  private compile(source: TemplateSource): Handlebars.TemplateDelegate {
    checkTemplate(source.text, source.file, source.overridden);
    if (source.overridden) this.overridden.push(source.file);
    let spec: string;
    try {
      // Compiled now, once, so that unknown helpers and other errors are reported with the file
      // (Handlebars' compile() would only compile at the first render, and compile it all again).
      // (Typed as a specification, precompile returns its source: a JavaScript object literal.)
      spec = this.hb.precompile(source.text, this.options) as unknown as string;
    } catch (error) {
      throw new TemplateError(`${source.file}: ${(error as Error).message.split('\n')[0]}`, source.file, source.overridden);
    }
    // The compiled template is code Handlebars wrote from the template: load it as its own
    // precompiled templates are loaded.
    return this.hb.template(new Function(`return ${spec};`)() as TemplateSpecification);
  }

  /** Render the template `<name>.<format>.hbs` with a view model and the strings of its language. */
  render(name: string, view: object, strings: Strings): string {
    let template = this.compiled.get(name);
    if (!template) {
      const source = findTemplate(`${name}.${this.format}.hbs`, this.builtIn, this.overrideDir);
      if (!source) throw new Error(`no template ${name}.${this.format}.hbs`);
      template = this.compile(source);
      this.compiled.set(name, template);
    }
    try {
      return template(view, { data: { strings } });
    } catch (error) {
      // Only a repository's own template can fail here without a bug in mentor: name the ones in use.
      if (this.overridden.length === 0) throw error;
      throw new TemplateError(`${(error as Error).message.split('\n')[0]!} (with ${this.overridden.join(', ')})`, this.overridden[0]!, true);
    }
  }
}
