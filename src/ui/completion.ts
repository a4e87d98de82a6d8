// Shell completion scripts for bash, zsh and fish, written from the command tree commander holds
// (so a new command or flag is completed without touching this file). Partnership ids are listed
// by the shell itself, from partnerships/*/ under the nearest mentor.yaml (or the -C folder):
// no Node start-up on every Tab.

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** What an option's value is: one of fixed choices, a folder, a file, or free text (nothing to offer). */
export type ValueKind = 'choice' | 'dir' | 'file' | 'text';

export interface OptionSpec {
  /** Short and long forms, such as ["-C", "--repo"]. */
  flags: string[];
  description: string;
  /** Absent for an option that takes no value. */
  value?: ValueKind;
  choices?: readonly string[];
}

export interface CommandSpec {
  /** The words naming the command: [] for mentor itself, ["session", "add"]. */
  path: string[];
  description: string;
  options: OptionSpec[];
  /** The first positional argument: a partnership id, paths, or anything else. */
  argument?: 'id' | 'path' | 'other';
  variadic?: boolean;
  choices?: readonly string[];
  subcommands: CommandSpec[];
}

/** The completion script for `shell`; `globals` are the options every command takes (-C, --no-color). */
export function completionScript(shell: Shell, root: CommandSpec, globals: OptionSpec[]): string {
  const nodes = flatten(root);
  const shared = sharedFunctions(nodes, root, globals);
  if (shell === 'bash') return bashScript(shared);
  if (shell === 'zsh') return zshScript(shared);
  return fishScript(nodes, globals);
}

function flatten(node: CommandSpec): CommandSpec[] {
  return [node, ...node.subcommands.flatMap(flatten)];
}

/** A word quoted for sh, zsh and fish alike. */
function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function fishQuote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

const flagsOf = (options: OptionSpec[]) => options.flatMap((o) => o.flags);

/** Plain sh functions both bash and zsh run: the tree as `case` tables, and the ids from the nearest repository. */
function sharedFunctions(nodes: CommandSpec[], root: CommandSpec, globals: OptionSpec[]): string {
  const key = (node: CommandSpec) => quote(node.path.join(' '));
  const commands = nodes.filter((n) => n.subcommands.length > 0).map((n) => `    ${key(n)}) echo ${quote(n.subcommands.map((s) => s.path.at(-1)).join(' '))} ;;`);
  const options = nodes.map((n) => {
    const own = n === root ? n.options : [...n.options, ...globals];
    return `    ${key(n)}) echo ${quote([...new Set(flagsOf(own))].join(' '))} ;;`;
  });
  const valueOf = (o: OptionSpec) => (o.value === 'choice' ? `choice ${(o.choices ?? []).join(' ')}` : o.value!);
  const values = [
    ...globals.filter((o) => o.value).map((o) => `    ${o.flags.map((f) => `*${quote(`|${f}`)}`).join('|')}) echo ${quote(valueOf(o))} ;;`),
    ...nodes.filter((n) => n !== root).flatMap((n) => n.options.filter((o) => o.value).map((o) => `    ${o.flags.map((f) => quote(`${n.path.join(' ')}|${f}`)).join('|')}) echo ${quote(valueOf(o))} ;;`)),
  ];
  const argumentOf = (n: CommandSpec) => (n.choices ? `choice ${n.choices.join(' ')}` : n.argument === 'path' ? 'path' : n.argument === 'id' ? 'id' : 'text');
  const args = nodes.filter((n) => n.argument).map((n) => `    ${key(n)}) echo ${quote(`${n.variadic ? 'many ' : ''}${argumentOf(n)}`)} ;;`);
  return `# The command tree of mentor ${'(written by `mentor completion`)'}.
_mentor_commands() {
  case "$1" in
${commands.join('\n')}
  esac
}
_mentor_options() {
  case "$1" in
${options.join('\n')}
  esac
}
# What the value of option $2 of command $1 is; fails for an option that takes none.
_mentor_value() {
  case "$1|$2" in
${values.join('\n')}
    *) return 1 ;;
  esac
}
_mentor_argument() {
  case "$1" in
${args.join('\n')}
  esac
}
# The partnership ids: partnerships/*/ under the nearest folder holding mentor.yaml, from $1 or here.
_mentor_ids() {
  local dir="\${1:-$PWD}" d
  case "$dir" in /*) ;; *) dir="$PWD/$dir" ;; esac
  while [ ! -f "$dir/mentor.yaml" ]; do
    case "$dir" in ''|/) return 0 ;; esac
    dir="\${dir%/*}"
  done
  for d in "$dir"/partnerships/*/; do
    [ -f "\${d}partnership.yaml" ] || continue
    d="\${d%/}"
    echo "\${d##*/}"
  done
}
`;
}

/**
 * The walk over the words typed so far, the same in bash and zsh: it finds the command, the -C
 * folder and how many arguments were given, then what to offer for the word under the cursor.
 * `$W` is the array of words, `$N` the index of the current one, `$F` the index of the first.
 */
function walk(reply: string): string {
  return `  local cur="\${W[N]}" prev="" cmdpath="" start="" kind="" w i npos=0
  for ((i = F; i < N; i++)); do
    w="\${W[i]}"
    if [[ $w == -* ]]; then
      if kind="$(_mentor_value "$cmdpath" "$w")" && ((i + 1 < N)); then
        i=$((i + 1))
        if [[ $w == -C || $w == --repo ]]; then start="\${W[i]}"; fi
      fi
    elif ((npos == 0)) && [[ " $(_mentor_commands "$cmdpath") " == *" $w "* ]]; then
      cmdpath="\${cmdpath:+$cmdpath }$w"
    else
      npos=$((npos + 1))
    fi
  done
  if ((N > F)); then
    prev="\${W[N - 1]}"
    if [[ $prev == -* ]] && kind="$(_mentor_value "$cmdpath" "$prev")"; then
      ${reply} "$kind" "$cur" "$start"
      return 0
    fi
  fi
  if [[ $cur == -* ]]; then
    ${reply} "choice $(_mentor_options "$cmdpath")" "$cur" "$start"
    return 0
  fi
  local subs="$(_mentor_commands "$cmdpath")"
  if [[ -n $subs ]]; then
    ${reply} "choice $subs" "$cur" "$start"
    return 0
  fi
  kind="$(_mentor_argument "$cmdpath")"
  case "$kind" in
    many\\ *) kind="\${kind#many }" ;;
    *) ((npos == 0)) || return 0 ;;
  esac
  ${reply} "$kind" "$cur" "$start"`;
}

function bashScript(shared: string): string {
  return `# bash completion for mentor. Load it in ~/.bashrc:  source <(mentor completion bash)
# or save it once:  mentor completion bash > ~/.local/share/bash-completion/completions/mentor
${shared}
_mentor_reply() {
  case "$1" in
    choice\\ *) COMPREPLY=($(compgen -W "\${1#choice }" -- "$2")) ;;
    dir) COMPREPLY=($(compgen -d -- "$2")); compopt -o filenames 2>/dev/null ;;
    file|path) COMPREPLY=($(compgen -f -- "$2")); compopt -o filenames 2>/dev/null ;;
    id) COMPREPLY=($(compgen -W "$(_mentor_ids "$3")" -- "$2")) ;;
    *) COMPREPLY=() ;;
  esac
}
_mentor() {
  local -a W=("\${COMP_WORDS[@]}")
  local N=$COMP_CWORD F=1
  COMPREPLY=()
${walk('_mentor_reply')}
}
complete -F _mentor mentor
`;
}

function zshScript(shared: string): string {
  return `#compdef mentor
# zsh completion for mentor. Load it in ~/.zshrc, after compinit:  source <(mentor completion zsh)
# or save it as _mentor in a folder of your $fpath:  mentor completion zsh > ~/.zfunc/_mentor
${shared}
_mentor_reply() {
  case "$1" in
    choice\\ *) compadd -- \${=\${1#choice }} ;;
    dir) _files -/ ;;
    file|path) _files ;;
    id) compadd -- \${(f)"$(_mentor_ids "$3")"} ;;
  esac
}
_mentor() {
  setopt localoptions nullglob
  local -a W=("\${words[@]}")
  local N=$CURRENT F=2
${walk('_mentor_reply')}
}
if [[ \${zsh_eval_context[-1]} == loadautofunc ]]; then
  _mentor "$@"
else
  compdef _mentor mentor
fi
`;
}

function fishScript(nodes: CommandSpec[], globals: OptionSpec[]): string {
  const lines = [
    '# fish completion for mentor. Save it once:  mentor completion fish > ~/.config/fish/completions/mentor.fish',
    'complete -c mentor -f',
    '# The partnership ids: partnerships/*/ under the nearest folder holding mentor.yaml (or the -C one).',
    'function __mentor_ids',
    '    set -l dir (pwd)',
    '    set -l tokens (commandline -opc)',
    '    for i in (seq (count $tokens))',
    '        if contains -- $tokens[$i] -C --repo; and test $i -lt (count $tokens)',
    '            set dir $tokens[(math $i + 1)]',
    '        end',
    '    end',
    '    string match -q -- "/*" $dir; or set dir (pwd)/$dir',
    '    while not test -f "$dir/mentor.yaml"',
    '        if test -z "$dir" -o "$dir" = /',
    '            return 0',
    '        end',
    '        set dir (string replace -r "/[^/]*\\$" "" -- $dir)',
    '    end',
    '    for d in $dir/partnerships/*/',
    '        test -f "$d/partnership.yaml"; and basename $d',
    '    end',
    'end',
  ];
  const within = (path: string[]) => path.map((word) => `__fish_seen_subcommand_from ${word}`).join('; and ');
  const optionLine = (o: OptionSpec, condition: string | undefined) => {
    const parts = ['complete -c mentor'];
    if (condition) parts.push('-n', fishQuote(condition));
    for (const flag of o.flags) parts.push(flag.startsWith('--') ? `-l ${flag.slice(2)}` : `-s ${flag.slice(1)}`);
    if (o.value === 'choice') parts.push('-x -a', fishQuote((o.choices ?? []).join(' ')));
    else if (o.value === 'dir') parts.push('-x -a', fishQuote('(__fish_complete_directories)'));
    else if (o.value === 'file') parts.push('-r -F');
    else if (o.value === 'text') parts.push('-x');
    parts.push('-d', fishQuote(o.description));
    return parts.join(' ');
  };
  for (const o of globals) lines.push(optionLine(o, undefined));
  for (const node of nodes) {
    const here = node.path.length === 0 ? '__fish_use_subcommand' : within(node.path);
    const subs = node.subcommands.map((s) => s.path.at(-1)!);
    const notDeeper = subs.length > 0 && node.path.length > 0 ? `${here}; and not __fish_seen_subcommand_from ${subs.join(' ')}` : here;
    for (const sub of node.subcommands) lines.push(`complete -c mentor -n ${fishQuote(notDeeper)} -a ${sub.path.at(-1)} -d ${fishQuote(sub.description)}`);
    if (node.path.length === 0) continue;
    for (const o of node.options) if (!globals.some((g) => g.flags.join() === o.flags.join())) lines.push(optionLine(o, here));
    if (node.choices) lines.push(`complete -c mentor -n ${fishQuote(here)} -a ${fishQuote(node.choices.join(' '))}`);
    else if (node.argument === 'id') lines.push(`complete -c mentor -n ${fishQuote(here)} -a ${fishQuote('(__mentor_ids)')}`);
    else if (node.argument === 'path') lines.push(`complete -c mentor -n ${fishQuote(here)} -F`);
  }
  return `${lines.join('\n')}\n`;
}
