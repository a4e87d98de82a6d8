// Write docs/robustness.md from the figures the robustness suite recorded (`npm run test:long`
// runs the suite, then this). Nothing in the document is written by hand: every number comes from
// the JSON files in node_modules/.cache/mentor-robustness/.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.env.MENTOR_FIGURES_DIR ?? path.join(root, 'node_modules/.cache/mentor-robustness');
if (!existsSync(dir)) {
  process.stderr.write(`no figures in ${dir}: run \`npm run test:long\` first\n`);
  process.exitCode = 1;
} else {
  writeFileSync(path.join(root, 'docs/robustness.md'), report(readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')))));
  process.stdout.write('wrote docs/robustness.md\n');
}

function report(files) {
  const classes = files.flatMap((f) => f.classes);
  const attachments = Object.assign({}, ...files.map((f) => f.attachments ?? {}));
  const seeds = [...new Set(files.map((f) => f.seed))];
  const long = files.every((f) => f.long);
  const total = classes.reduce((n, c) => n + c.cases, 0);
  const crashes = classes.reduce((n, c) => n + c.crashes, 0);
  const bySection = new Map();
  for (const c of classes) bySection.set(c.section, [...(bySection.get(c.section) ?? []), c]);
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

  const lines = [
    '# Robustness: what was tried, and what happened',
    '',
    `Produced by the test suite, not written by hand: \`npm run test:long\` runs test/robustness/ ${long ? 'with the long case counts (MENTOR_LONG=1)' : 'with the default case counts'} and then scripts/robustness-report.mjs writes this file from the figures the tests recorded. This run: mentor ${pkg.version}, ${new Date().toISOString().slice(0, 10)}, Node ${process.version} on ${process.platform}, random seed ${seeds.join(', ')} (set MENTOR_SEED to change it; the same seed gives the same cases, except the moments of the kills, which the operating system decides).`,
    '',
    `**${total.toLocaleString('en')} cases in ${classes.length} classes; ${crashes} crash${crashes === 1 ? '' : 'es'}** (a crash is an internal error, exit 70, a stack trace, a Node warning, a hang or a signal). \`npm test\` runs the same tests with a few cases of every class (README, Development); no verdict there or here depends on the machine's speed: a run's time is bounded only by a 60-second hang limit, and the slowest runs below are recorded, not judged.`,
    '',
    'Exit codes as the contract has them: 0 success; 1 the data failed a check (a located message names the file, line, column and problem code); 2 usage or environment (a bad flag or id, a full disk, a read-only file system: one line naming the file and the cause).',
    '',
    '"In process" runs call the CLI\'s `run` inside the test (the same code as the binary, so thousands of cases take seconds); "the binary" is bin/mentor.js started as a user starts it. "Damage undone" counts random edits that happened to cancel out. "Slowest run" is one command\'s time on a two-core machine busy with the rest of the suite.',
    '',
  ];
  for (const [section, list] of [...bySection].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))) {
    lines.push(`## ${section}`, '', '| Class of input or fault | Cases | What happened | Crashes | Slowest run |', '|---|--:|---|--:|--:|');
    for (const c of list) {
      const outcomes = Object.entries(c.outcomes)
        .sort((a, b) => b[1] - a[1])
        .map(([what, n]) => `${what}: ${n.toLocaleString('en')}`)
        .join('; ');
      const name = c.note ? `${c.name} (${c.note})` : c.name;
      lines.push(`| ${cell(name)} | ${c.cases.toLocaleString('en')} | ${cell(outcomes)} | ${c.crashes} | ${c.slowestMs === undefined ? '–' : `${c.slowestMs.toLocaleString('en')} ms`} |`);
    }
    lines.push('');
  }
  const deps = attachments.dependencies;
  if (deps) {
    lines.push('## 6. Dependencies', '', `${deps.direct.length} production dependencies, pinned to exact versions (${deps.installedWithThem} packages installed with them). The build bundles them into dist/, so the published CLI loads no other code.`, '', '| Package | Version | Why mentor needs it |', '|---|---|---|');
    for (const d of deps.direct) lines.push(`| ${d.name} | ${d.version} | ${cell(d.why)} |`);
    lines.push('');
  }
  const audit = attachments.audit;
  if (audit) {
    const answer = audit.answer.vulnerabilities
      ? `it reported ${Object.entries(audit.answer.vulnerabilities).map(([level, n]) => `${n} ${level}`).join(', ')}`
      : `the registry's audit endpoint gave no answer (${String(audit.answer.unreachable).replace(/\s*-?\s*(?:GET|POST)?\s*https?:\/\/\S+/g, '')}), so no audit result is claimed here; the versions above were checked by hand against the advisories named`;
    lines.push(`\`${audit.command}\` on ${audit.date}: ${answer}.`, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function cell(text) {
  return String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
