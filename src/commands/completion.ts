import type { Command, Option } from 'commander';
import { DEFAULT_METHOD } from '../model/layout.js';
import { builtInMethod, methodAt } from '../ops/method.js';
import { completionScript, type CommandSpec, type OptionSpec, type Shell, type ValueKind } from '../ui/completion.js';
import { workingDirectory, type CommandContext } from './context.js';

/** What the value of an option is, for completing it: from its choices, else from its name and placeholder. */
function valueKind(option: Option, stages: readonly string[]): { kind: ValueKind; choices?: readonly string[] } | undefined {
  if (!option.required && !option.optional) return undefined;
  if (option.argChoices) return { kind: 'choice', choices: option.argChoices };
  if (option.long === '--to') return { kind: 'choice', choices: stages };
  if (/<dir>/.test(option.flags)) return { kind: 'dir' };
  if (/<file>/.test(option.flags)) return { kind: 'file' };
  return { kind: 'text' };
}

function optionSpec(option: Option, stages: readonly string[]): OptionSpec {
  const value = valueKind(option, stages);
  return {
    flags: [option.short, option.long].filter((f): f is string => f !== undefined),
    description: option.description,
    ...(value && { value: value.kind }),
    ...(value?.choices && { choices: value.choices }),
  };
}

/** The command tree as commander holds it (what `--help` shows), as plain data for the script writers. */
export function commandSpec(command: Command, path: string[] = [], stages: readonly string[] = builtInMethod(DEFAULT_METHOD).stages.map((s) => s.id)): CommandSpec {
  const help = command.createHelp();
  const first = command.registeredArguments[0];
  const argument = first === undefined ? undefined : first.name() === 'id' ? 'id' : first.name() === 'path' ? 'path' : 'other';
  return {
    path,
    description: command.description(),
    options: help.visibleOptions(command).map((o) => optionSpec(o, stages)),
    ...(argument && { argument, variadic: first!.variadic }),
    ...(first?.argChoices && { choices: first.argChoices }),
    subcommands: help
      .visibleCommands(command)
      .filter((sub) => sub.name() !== 'help')
      .map((sub) => commandSpec(sub, [...path, sub.name()], stages)),
  };
}

/** mentor completion bash|zsh|fish */
export function completionCommand(shell: Shell, program: Command, ctx: CommandContext): number {
  const spec = commandSpec(program, [], completionStages(ctx));
  const globals = program.options.filter((o) => !['--help', '--version'].includes(o.long ?? '')).map((o) => optionSpec(o, []));
  ctx.io.stdout.write(completionScript(shell, spec, globals));
  return 0;
}

/** The stages `--to` completes to: those of the method of the repository here, else of the default method. */
function completionStages(ctx: CommandContext): string[] {
  try {
    return methodAt(workingDirectory(ctx)).stages.map((s) => s.id);
  } catch {
    // A broken method file is `mentor validate`'s to report; completion still works.
    return builtInMethod(DEFAULT_METHOD).stages.map((s) => s.id);
  }
}
