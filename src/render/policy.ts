// What an HTML document may load when it is opened or printed: nothing but its inline styles and
// `data:` images. The built-in templates carry the policy; a repository's own may not.

/** The policy every HTML document carries: no script, no resource but inline styles and `data:` images. */
export const CONTENT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
const POLICY_META = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_POLICY}">`;

/**
 * The HTML with mentor's Content-Security-Policy in its head, added when a (repository's own)
 * template left it out. Several policies all apply, so one the template adds can only restrict more.
 */
export function withContentPolicy(html: string): string {
  // Already in the head (not in a comment, not in the body, where it would come too late): keep as is.
  const head = html.split(/<body[\s>]/i)[0]!.replace(/<!--[\s\S]*?(-->|$)/g, '');
  if (head.includes(POLICY_META)) return html;
  const open = /<head(\s[^>]*)?>/i.exec(html);
  if (open) return `${html.slice(0, open.index + open[0].length)}\n${POLICY_META}${html.slice(open.index + open[0].length)}`;
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  const at = doctype ? doctype[0].length : 0;
  return `${html.slice(0, at)}${at > 0 ? '\n' : ''}${POLICY_META}\n${html.slice(at)}`;
}
