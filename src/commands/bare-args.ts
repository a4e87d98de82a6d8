// Apart from bare.ts, which finds the repository: every invocation asks whether it names a
// command, and only `mentor` alone should load what finding a repository needs (--help stays light).

/** The options that come before a command (and take a value): what `mentor -C dir` alone may hold. */
export const GLOBAL_WITH_VALUE = ['-C', '--repo'];
const GLOBAL_FLAGS = ['--no-color', '--color'];

/** Whether `argv` names no command: nothing at all, or only global options such as -C <dir>. */
export function namesNoCommand(argv: readonly string[]): boolean {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (GLOBAL_WITH_VALUE.includes(arg)) i++;
    else if (!GLOBAL_FLAGS.includes(arg) && !GLOBAL_WITH_VALUE.some((o) => arg.startsWith(`${o}=`) || (o === '-C' && arg.length > 2 && arg.startsWith('-C')))) return false;
  }
  return true;
}
