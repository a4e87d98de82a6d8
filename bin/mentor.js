#!/usr/bin/env node
// The binary is a thin shim. `mentor --version` alone is answered here, from package.json, without
// loading the CLI: that keeps it as fast as Node itself. Everything else goes to the built CLI.
const args = process.argv.slice(2);
if (args.length === 1 && args[0] === '--version') {
  const { readFileSync } = await import('node:fs');
  // Standard output that cannot be written (a full disk): one line and exit 2, as the CLI does.
  process.stdout.on('error', (error) => {
    if (error.code === 'EPIPE') return;
    process.stderr.on('error', () => {});
    const why = error.code === 'ENOSPC' ? 'no space left on the device (ENOSPC)' : (error.code ?? error.message);
    process.stderr.write(`mentor: cannot write to standard output: ${why}\n`);
    process.exitCode = 2;
  });
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  // `session` and `advance` start from a bundle with a code cache (src/fast-start.ts); the rest,
  // or these when the build has no such bundle, load the ES modules.
  const [{ fastStart }, { fileURLToPath }] = await Promise.all([import('../dist/fast-start.js'), import('node:url')]);
  if (!(await fastStart(fileURLToPath(new URL('../dist', import.meta.url)), args))) {
    const { main } = await import('../dist/cli.js');
    await main();
  }
}
