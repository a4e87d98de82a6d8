// npm run bench [-- --large] [-- --runs 5] [-- --size 10000]
//
// Generates synthetic repositories (bench/generate.mjs, deterministic from a seed), then times
// mentor's commands side by side with their baselines, in one run, and prints the medians and
// their ratios, with peak memory. The machine is shared and noisy: ratios of pairs measured
// alternately are what to read, not absolute times.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { generateRepository } from './generate.mjs';

const HERE = path.dirname(new URL(import.meta.url).pathname);
const ROOT = path.dirname(HERE);
const OUT = path.join(HERE, 'out');
// A private copy of the build, so that a rebuild of dist/ during the run cannot pull it away.
const BUILD = path.join(os.tmpdir(), `mentor-bench-build-${process.pid}`);
for (const part of ['package.json', 'bin', 'dist', 'templates', 'methods']) cpSync(path.join(ROOT, part), path.join(BUILD, part), { recursive: true });
process.on('exit', () => rmSync(BUILD, { recursive: true, force: true }));
const BIN = path.join(BUILD, 'bin/mentor.js');
const AJV = path.join(ROOT, 'node_modules/ajv-cli/dist/index.js');
const AS_OF = '2016-06-30';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : Number(args[i + 1]);
};
const LARGE = args.includes('--large');
const RUNS = flag('--runs', 5);
const SIZE = flag('--size', 10_000);
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Run a command once: wall milliseconds and peak resident memory in MiB (when GNU time is there). */
function once(cmd, cmdArgs, options = {}) {
  const start = process.hrtime.bigint();
  const result = TIME
    ? spawnSync(TIME, ['-f', '%M', cmd, ...cmdArgs], { encoding: 'utf8', maxBuffer: 1 << 30, ...options })
    : spawnSync(cmd, cmdArgs, { encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  // A command that reports problems exits 1, and is timed; any other failure stops the bench.
  if (result.status !== 0 && !(options.allowProblems && result.status === 1)) {
    throw new Error(`${cmd} ${cmdArgs.join(' ')} exited ${result.status}: ${(result.stderr ?? '').slice(-500)}`);
  }
  const rss = TIME ? Number((result.stderr.trim().split('\n').at(-1) ?? '').trim()) / 1024 : NaN;
  return { ms, rss };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Time two commands alternately `runs` times (after one warm-up each, unless both have just run);
 * medians of time and memory.
 */
function pair(a, b, runs = RUNS, warmUp = true) {
  // A command is its arguments, or a function giving them afresh for each run.
  const run = (command) => once(...(typeof command === 'function' ? command() : command));
  if (warmUp) {
    run(a);
    run(b);
  }
  const ta = [];
  const tb = [];
  for (let i = 0; i < runs; i++) {
    ta.push(run(a));
    tb.push(run(b));
  }
  const summary = (list) => ({ ms: median(list.map((r) => r.ms)), rss: Math.max(...list.map((r) => r.rss)) });
  return [summary(ta), summary(tb)];
}

function repository(size) {
  const dir = path.join(OUT, `repo-${size}`);
  const marker = path.join(dir, '.complete');
  if (!existsSync(marker)) {
    rmSync(dir, { recursive: true, force: true });
    process.stderr.write(`generating ${size} partnerships in ${path.relative(ROOT, dir)}... `);
    const files = generateRepository(dir, size, 42);
    spawnSync(process.execPath, [BIN, 'schema', '--out', path.join(dir, 'schema')]);
    writeFileSync(marker, `${files}\n`);
    process.stderr.write(`${files} files\n`);
  }
  return dir;
}

/** The same repository as JSON files, for ajv-cli (its YAML reader turns dates into Date objects). */
function jsonCopy(dir) {
  const json = `${dir}-json`;
  if (existsSync(path.join(json, '.complete'))) return json;
  rmSync(json, { recursive: true, force: true });
  for (const id of readdirSync(path.join(dir, 'partnerships'))) {
    const from = path.join(dir, 'partnerships', id);
    const to = path.join(json, 'p', id);
    mkdirSync(path.join(to, 's'), { recursive: true });
    writeFileSync(path.join(to, 'partnership.json'), JSON.stringify(parse(readFileSync(path.join(from, 'partnership.yaml'), 'utf8'))));
    for (const f of readdirSync(path.join(from, 'sessions'))) {
      writeFileSync(path.join(to, 's', f.replace(/\.yaml$/, '.json')), JSON.stringify(parse(readFileSync(path.join(from, 'sessions', f), 'utf8'))));
    }
  }
  cpSync(path.join(dir, 'schema'), path.join(json, 'schema'), { recursive: true });
  writeFileSync(path.join(json, '.complete'), 'ok\n');
  return json;
}

/** Make the repository a git work tree with everything committed, for `validate --since`. */
function committed(dir) {
  const git = (...rest) => {
    const r = spawnSync('git', ['-C', dir, ...rest], { encoding: 'utf8', maxBuffer: 1 << 30 });
    if (r.status !== 0) throw new Error(`git ${rest.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  if (!existsSync(path.join(dir, '.git'))) git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=bench', '-c', 'user.email=bench@example.org', 'commit', '-q', '--allow-empty', '-m', 'bench');
}

const node = (file, ...rest) => [process.execPath, [file, ...rest]];
const mentor = (...rest) => [process.execPath, [BIN, ...rest], { allowProblems: true }];
const ajvBoth = (json) => [
  'bash',
  ['-c', `"${process.execPath}" "${AJV}" validate --spec=draft7 --strict=false --all-errors=false -s "${json}/schema/partnership.schema.json" -d "${json}/p/*/partnership.json" > /dev/null 2>&1; "${process.execPath}" "${AJV}" validate --spec=draft7 --strict=false -s "${json}/schema/session.schema.json" -d "${json}/p/*/s/*.json" > /dev/null 2>&1; true`],
];

const ajvYaml = (dir) => [
  'bash',
  ['-c', `cd "${dir}" && "${process.execPath}" "${AJV}" validate --spec=draft7 --strict=false --all-errors=false -s schema/partnership.schema.json -d "partnerships/*/partnership.yaml" > /dev/null 2>&1; "${process.execPath}" "${AJV}" validate --spec=draft7 --strict=false -s schema/session.schema.json -d "partnerships/*/sessions/*.yaml" > /dev/null 2>&1; true`],
];

const rows = [];
const row = (what, [a, b], target, label = ['mentor', 'baseline']) => {
  const ratio = a.ms / b.ms;
  // A target counts as met only with mentor's peak memory under 512 MiB as well.
  const met = ratio <= target && !(a.rss >= 512);
  rows.push({ what, a, b, ratio, target, ok: target === undefined ? '' : met ? 'yes' : 'NO', label });
};
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const mib = (v) => (Number.isFinite(v) ? `${v.toFixed(0)} MiB` : '?');

const big = repository(SIZE);
const empty = path.join(os.tmpdir(), 'mentor-bench-empty');
mkdirSync(empty, { recursive: true });

row('`mentor --version` vs `node -e 0`', pair(mentor('--version'), [process.execPath, ['-e', '0']]), 1.3);
row('`mentor --help` vs `node -e 0`', pair(mentor('--help'), [process.execPath, ['-e', '0']]), 1.5);
const validateBig = mentor('validate', '-C', big, '--as-of', AS_OF, '--format', 'json');
// Whole-repository commands take seconds a run, on a shared machine whose speed drifts by a
// quarter within minutes: as many runs as the short commands, so one slow phase does not move a median.
const WHOLE = RUNS;
const floorBig = pair(validateBig, node(path.join(HERE, 'floor.mjs'), big), WHOLE);
row(`\`mentor validate\` vs floor (js-yaml, one thread), ${SIZE} partnerships`, floorBig, 1.5);
row(`\`mentor validate\` vs ajv-cli (same schemas, same YAML files), ${SIZE}`, pair(validateBig, ajvYaml(big), WHOLE, false), 1);
row(`\`mentor validate\` vs ajv-cli (same schemas, JSON copies), ${SIZE}`, pair(validateBig, ajvBoth(jsonCopy(big)), WHOLE, false));

// A pull request: one partnership changed since the base; git finds it, mentor checks it. What
// earlier runs left (sessions the write rows added, the edit below) is undone first, so every run
// measures the same repository.
const ids = readdirSync(path.join(big, 'partnerships'));
const sessionsOf = (id) => path.join(big, 'partnerships', id, 'sessions');
const EDIT = '# edited on a branch\n';
const removeBenchSessions = (id) => {
  for (const name of readdirSync(sessionsOf(id))) if (/^2016-06-01-benchmark-visit-/.test(name)) rmSync(path.join(sessionsOf(id), name));
};
ids.slice(0, 3).forEach(removeBenchSessions);
const changedSession = path.join(sessionsOf(ids[2]), readdirSync(sessionsOf(ids[2]))[0]);
const original = readFileSync(changedSession, 'utf8');
const unedited = original.endsWith(EDIT) ? original.slice(0, original.indexOf(EDIT)) : original;
writeFileSync(changedSession, unedited);
committed(big);
writeFileSync(changedSession, `${unedited}${EDIT}`);
const gitThenVersion = ['sh', ['-c', `git -C "${big}" status --porcelain > /dev/null && "${process.execPath}" "${BIN}" --version > /dev/null`]];
row(`\`mentor validate --since HEAD\` (one partnership changed) vs \`git status --porcelain\` + \`mentor --version\`, ${SIZE}`, pair(mentor('validate', '-C', big, '--since', 'HEAD', '--as-of', AS_OF, '--format', 'json'), gitThenVersion), 1.5);

// Writes: each run adds a new session, or advances another partnership; the repository is large.
let n = 0;
// A new title each run (a second session of the same date and title is refused), and it must succeed.
const sessionAdd = () => mentor('session', 'add', ids[0], '-C', big, '--date', '2016-06-01', '--title', `Benchmark visit ${process.pid} ${n++}`, '--type', 'contact', '--level', 'technical', '--host', 'mentee').slice(0, 2);
row(`\`mentor session add\` vs \`mentor --version\`, ${SIZE}`, pair(sessionAdd, mentor('--version')), 2);
removeBenchSessions(ids[0]);
const advanceDry = mentor('advance', ids[1], '-C', big, '--dry-run', '--date', '2016-06-30');
row(`\`mentor advance --dry-run\` vs \`mentor --version\`, ${SIZE}`, pair(advanceDry, mentor('--version')), 2);
row(`\`mentor status\` vs \`mentor validate\`, ${SIZE}`, pair(mentor('status', '-C', big, '--as-of', AS_OF, '--json'), validateBig, WHOLE, false), 1.2);
row(`\`mentor report --portfolio\` vs \`mentor validate\`, ${SIZE}`, pair(mentor('report', '--portfolio', '-C', big, '--as-of', AS_OF, '--stdout'), validateBig, WHOLE, false), 1.2);

const growth = [];
for (const size of [1000, SIZE, ...(LARGE ? [50_000] : [])].filter((v, i, a) => a.indexOf(v) === i)) {
  const dir = repository(size);
  const files = Number(readFileSync(path.join(dir, '.complete'), 'utf8'));
  // The full size was measured above, against the same floor.
  const [v, f] = size === SIZE ? floorBig : pair(mentor('validate', '-C', dir, '--as-of', AS_OF, '--format', 'json'), node(path.join(HERE, 'floor.mjs'), dir), 3);
  growth.push({ size, files, v, f });
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`\nmentor benchmark: ${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; medians of ${RUNS} alternating runs (${WHOLE} for whole-repository commands); a target is met only with peak memory < 512 MiB\n`);
console.log('| measure | mentor | baseline | ratio | target | met | peak memory (mentor / baseline) |');
console.log('|---|--:|--:|--:|--:|:-:|--:|');
for (const r of rows) {
  console.log(`| ${r.what} | ${fmt(r.a.ms)} | ${fmt(r.b.ms)} | ${r.ratio.toFixed(2)}× | ${r.target === undefined ? '' : `≤ ${r.target}×`} | ${r.ok} | ${mib(r.a.rss)} / ${mib(r.b.rss)} |`);
}
console.log('\n| partnerships | files | `mentor validate` | floor | ratio | peak memory of validate |');
console.log('|--:|--:|--:|--:|--:|--:|');
for (const g of growth) console.log(`| ${g.size} | ${g.files} | ${fmt(g.v.ms)} | ${fmt(g.f.ms)} | ${(g.v.ms / g.f.ms).toFixed(2)}× | ${mib(g.v.rss)} |`);
