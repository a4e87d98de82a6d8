// Bundle the CLI and the programmatic API with esbuild: one file per lazily loaded command,
// so `mentor --help` loads almost nothing (see NOTES: start-up).
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

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
  entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts', worker: 'src/worker.ts' },
  outdir: 'dist',
  splitting: true,
  sourcemap: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  define: { MENTOR_VERSION: JSON.stringify(pkg.version), MENTOR_BUILT_IN_METHODS: JSON.stringify(builtInMethods) },
});
