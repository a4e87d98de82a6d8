// The site's fixed parts: its style sheet, the filter script and the Content-Security-Policy that
// admits that script alone (by its hash), so the pages work from file:// and load nothing else.
import { createHash } from 'node:crypto';

export const SITE_STYLE = `
:root { color-scheme: light; --ink: #1d2430; --muted: #4a5565; --line: #c9d1dc; --accent: #0b5cad; --band: #eef2f7; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); background: #fff; overflow-wrap: anywhere; }
header, main, footer { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1.5rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; }
p.sub, .muted { color: var(--muted); }
a { color: var(--accent); }
a:focus-visible, select:focus-visible, input:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
form.filters { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: .75rem; margin: 1rem 0; padding: .75rem; background: var(--band); border-radius: .4rem; }
form.filters label { display: flex; flex-direction: column; font-size: .9rem; font-weight: 600; gap: .2rem; }
form.filters select, form.filters input { font: inherit; font-weight: 400; padding: .35rem .4rem; border: 1px solid #6b7686; border-radius: .25rem; background: #fff; color: var(--ink); min-width: 0; width: 100%; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid var(--line); overflow-wrap: break-word; }
thead th { border-bottom: 2px solid var(--ink); font-size: .9rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
ul.counts { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; list-style: none; padding: 0; margin: .5rem 0; }
ol.timeline { list-style: none; padding: 0; border-left: 3px solid var(--line); margin-left: .5rem; }
ol.timeline li { padding: 0 0 .75rem 1rem; position: relative; }
ol.timeline li::before { content: ""; position: absolute; left: -.5rem; top: .45rem; width: .7rem; height: .7rem; border-radius: 50%; background: var(--accent); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
@media (max-width: 32rem) { dl.facts { grid-template-columns: 1fr; } dl.facts dd { margin-bottom: .4rem; } }
nav.languages ul { display: flex; gap: 1rem; justify-content: flex-end; list-style: none; margin: 0; padding: 0; font-size: .9rem; }
footer { margin-top: 2rem; padding-bottom: 2rem; font-size: .9rem; color: var(--muted); }
`;

/** Shows the filter form and applies it to the rows: data arrives through escaped data-* attributes only. */
export const FILTER_SCRIPT = `
(function () {
  var form = document.getElementById('filters');
  var count = document.getElementById('shown');
  if (!form || !count) return;
  var rows = Array.prototype.slice.call(document.querySelectorAll('tr[data-stage]'));
  var template = count.getAttribute('data-template') || '{shown} / {total}';
  form.hidden = false;
  function apply() {
    var q = form.elements.q.value.trim().toLowerCase();
    var stage = form.elements.stage.value, status = form.elements.status.value;
    var country = form.elements.country.value, direction = form.elements.direction.value;
    var shown = 0;
    rows.forEach(function (row) {
      var d = row.dataset;
      var ok = (!stage || d.stage === stage) && (!status || d.status === status) &&
        (!direction || d.direction === direction) &&
        (!country || (' ' + d.countries + ' ').indexOf(' ' + country + ' ') >= 0) &&
        (!q || d.search.indexOf(q) >= 0);
      row.hidden = !ok;
      if (ok) shown += 1;
    });
    count.textContent = template.replace('{shown}', String(shown)).replace('{total}', String(rows.length));
  }
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  apply();
})();
`;

const SCRIPT_HASH = `sha256-${createHash('sha256').update(FILTER_SCRIPT).digest('base64')}`;

/** Nothing may load but the page's own style and, where there is one, its own script. */
export function contentSecurityPolicy(withScript: boolean): string {
  return [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    'img-src data:',
    withScript ? `script-src '${SCRIPT_HASH}'` : "script-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
