// Rendering: view models in, document text out. No file system writes, no console.
import type { Method } from '../model/method.js';
import type { PartnershipSummary } from '../model/summary.js';
import { TemplateRenderer, type TemplateFormat } from './environment.js';
import type { Lang } from './format.js';
import { localizer } from './locale.js';
import { portfolioView } from './portfolio-view.js';
import type { Dress } from './parts.js';
import { documentView, type DocumentInput, type DocumentKind } from './view.js';

export { DOCUMENT_KINDS, type DocumentKind, type DocumentInput, type Dress } from './view.js';
export { readDress } from './branding.js';
export { LANGS, type Lang } from './format.js';
export { TemplateError, type TemplateFormat } from './environment.js';
export { findBrowser, printPdfs, NO_BROWSER_HINT, PdfError } from './pdf.js';
export { CONTENT_POLICY, withContentPolicy } from './policy.js';

/** Renders documents in one format, with a repository's template overrides when it has any. */
export class DocumentRenderer {
  private readonly templates: TemplateRenderer;

  /** `overrideDir`: the repository's templates/ folder, whose files replace built-in ones of the same name. */
  constructor(format: TemplateFormat, overrideDir?: string, builtInDir?: string) {
    this.templates = new TemplateRenderer(format, builtInDir, overrideDir);
  }

  /** One document of one partnership. */
  partnership(kind: DocumentKind, input: DocumentInput, lang: Lang): string {
    const l = localizer(lang, input.method);
    return this.templates.render(kind, documentView(kind, input, l), l.strings);
  }

  /** The portfolio of every partnership. */
  portfolio(summaries: readonly PartnershipSummary[], programme: string | undefined, today: string, lang: Lang, method: Method, dress?: Dress): string {
    const l = localizer(lang, method);
    return this.templates.render('portfolio', portfolioView(summaries, programme, today, l, dress), l.strings);
  }
}
