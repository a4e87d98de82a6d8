// Bundle the CLI and the programmatic API with esbuild: one file per lazily loaded command,
// so `mentor --help` loads almost nothing (see NOTES: start-up).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const dist = new URL('../dist', import.meta.url);
rmSync(dist, { recursive: true, force: true });

// commander loads node:child_process when it is imported, for subcommands that are separate
// programs, which mentor has none of: about 5 ms of every start, `--help` included. Its
// require is answered with an object that loads the module on first use instead.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-builtin' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};

// The same settings for both bundles below.
const common = {
  plugins: [lazyChildProcess],
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  legalComments: 'none',
  // CommonJS packages bundled into ESM call require(); give them one.
  banner: { js: "import { createRequire as __mentorCreateRequire } from 'node:module'; const require = __mentorCreateRequire(import.meta.url);" },
  logLevel: 'warning',
};

// The built-in methods are checked here, once, by the same code that checks any method, and the
// result goes into the bundle with the bytes it came from (src/ops/method-snapshot.ts): a command
// then skips checking an unchanged built-in method, about 15 ms of its start. A built-in method with a
// problem fails the build.
await build({ ...common, entryPoints: { 'method-snapshot': 'src/ops/method-snapshot.ts' }, outdir: 'dist' });
const { checkBuiltInMethods } = await import(new URL('../dist/method-snapshot.js', import.meta.url).href);
const builtInMethods = JSON.stringify(checkBuiltInMethods());
rmSync(dist, { recursive: true, force: true });

await build({
  ...common,
  entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts', worker: 'src/worker.ts', 'fast-start': 'src/fast-start.ts' },
  outdir: 'dist',
  splitting: true,
  sourcemap: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  define: { MENTOR_VERSION: JSON.stringify(pkg.version), MENTOR_BUILT_IN_METHODS: JSON.stringify(builtInMethods) },
});

// The fast bundles of src/fast-start.ts: for each command it names (a module of src/commands),
// the CLI with that command in one CommonJS file, without the other commands (their modules are
// replaced by one that says so: bin/mentor.js sends a bundle only the arguments of its command).
// Whitespace and comments are left out, which keeps the file plain ASCII (checked below) and a
// third smaller to read. Each is run once, as TRAINING says, to make its code cache.
const TRAINING = {
  advance: ['advance', 'johannesburg-lilongwe', '--date', '2016-06-30'],
  session: ['session', 'add', 'johannesburg-lilongwe', '--date', '2016-06-01', '--title', 'Training visit', '--type', 'contact', '--level', 'technical', '--host', 'mentee'],
};
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = path.join(root, 'bin', 'mentor.js');
const { codeCacheFile, FAST_COMMANDS } = await import(new URL('../dist/fast-start.js', import.meta.url).href);
// V8 refuses a code cache made with other V8 flags: the training runs get none from the builder.
const trainingEnv = { ...process.env };
delete trainingEnv.NODE_OPTIONS;
for (const name of FAST_COMMANDS) {
  const training = TRAINING[name];
  if (!training) throw new Error(`src/fast-start.ts names "${name}", which has no training run in scripts/build.mjs`);
  const onlyThisCommand = {
    name: 'only-this-command',
    setup(b) {
      b.onResolve({ filter: /^\.\/commands\/[a-z-]+\.js$/ }, (args) =>
        args.kind === 'dynamic-import' && args.importer.endsWith(`${path.sep}cli.ts`) && args.path !== `./commands/${name}.js`
          ? { path: args.path, namespace: 'other-command' }
          : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'other-command' }, (args) => ({
        contents: `throw new Error(${JSON.stringify(`the fast bundle of "${name}" was asked for ${args.path}`)});`,
        loader: 'js',
      }));
    },
  };
  const outfile = path.join(root, 'dist', 'fast', `${name}.cjs`);
  await build({
    ...common,
    plugins: [lazyChildProcess, onlyThisCommand],
    entryPoints: ['src/cli.ts'],
    outfile,
    format: 'cjs',
    // No createRequire banner: a CommonJS bundle has require, and src/fast-start.ts passes the
    // bundle's own URL where ES modules ask import.meta.
    banner: {},
    minifyWhitespace: true,
    sourcemap: 'linked',
    define: { MENTOR_VERSION: JSON.stringify(pkg.version), MENTOR_BUILT_IN_METHODS: JSON.stringify(builtInMethods), 'import.meta.url': '__mentorModuleUrl' },
  });
  const text = readFileSync(outfile, 'latin1');
  const wide = text.search(/[\u0080-\u00ff]/);
  if (wide >= 0) throw new Error(`dist/fast/${name}.cjs is not plain ASCII at ${wide}: ${JSON.stringify(text.slice(wide - 40, wide + 10))}`);
  if (/\bimport\(/.test(text)) throw new Error(`dist/fast/${name}.cjs imports a module at run time, which a bundle compiled by node:vm cannot`);
  // The training run: the command on a copy of the examples, through bin/mentor.js as a user runs
  // it, writing the code cache of what it compiled. It must succeed.
  const work = mkdtempSync(path.join(tmpdir(), 'mentor-build-'));
  try {
    cpSync(path.join(root, 'examples'), work, { recursive: true });
    const run = spawnSync(process.execPath, [bin, ...training, '-C', work], {
      encoding: 'utf8',
      env: { ...trainingEnv, MENTOR_WRITE_CODE_CACHE: '1', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (run.status !== 0) throw new Error(`the training run of dist/fast/${name}.cjs ended with ${run.status ?? run.signal}: ${run.stderr || run.stdout}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (!existsSync(codeCacheFile(outfile, readFileSync(outfile)))) throw new Error(`the training run of dist/fast/${name}.cjs left no code cache`);
}
