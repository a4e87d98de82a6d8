// Bundle the CLI and the programmatic API with esbuild: one file per lazily loaded command,
// so `mentor --help` loads almost nothing (see NOTES: start-up).
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

await build({
  entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts', worker: 'src/worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  sourcemap: 'linked',
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  define: { MENTOR_VERSION: JSON.stringify(pkg.version) },
  // CommonJS packages bundled into ESM call require(); give them one.
  banner: { js: "import { createRequire as __mentorCreateRequire } from 'node:module'; const require = __mentorCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
