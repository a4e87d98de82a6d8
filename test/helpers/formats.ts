// Readers of `mentor validate`'s four output formats, so tests can compare what each one reports.

export interface Reported {
  file: string;
  line: number;
  column: number;
  code: string;
  severity: string;
  message: string;
}

/** A text diagnostic header and the lines printed under it (source line, caret, hint). */
export interface TextDiagnostic extends Reported {
  after: string[];
}

const TEXT_HEADER = /^(\S+):(\d+):(\d+) (error|warning) (MTR\d{3}) (.*)$/;

/** Compiler-style text: `file:line:col severity CODE message`, then whatever follows until the next header. */
export function readText(stdout: string): TextDiagnostic[] {
  const diagnostics: TextDiagnostic[] = [];
  for (const line of stdout.split('\n')) {
    const m = TEXT_HEADER.exec(line);
    if (m) {
      diagnostics.push({ file: m[1]!, line: Number(m[2]), column: Number(m[3]), severity: m[4]!, code: m[5]!, message: m[6]!, after: [] });
    } else {
      diagnostics.at(-1)?.after.push(line);
    }
  }
  return diagnostics;
}

interface JsonReport {
  ok: boolean;
  errors: number;
  warnings: number;
  problems: { file: string; line: number; column: number; code: string; severity: string; message: string; hint: string | null }[];
}

/** The one JSON document of `--format json` (JSON.parse throws if there is anything else on stdout). */
export function readJson(stdout: string): JsonReport {
  return JSON.parse(stdout) as JsonReport;
}

const unescapeProperty = (s: string) => s.replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
const GITHUB_LINE = /^::(error|warning) file=([^,]*),line=(\d+),col=(\d+),title=([^:]*)::(.*)$/;

/** GitHub workflow commands; throws on a line that is not one. */
export function readGithub(stdout: string): (Reported & { title: string })[] {
  return stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const m = GITHUB_LINE.exec(line);
      if (!m) throw new Error(`not a GitHub workflow command: ${line}`);
      const title = unescapeProperty(m[5]!);
      return {
        severity: m[1]!,
        file: unescapeProperty(m[2]!),
        line: Number(m[3]),
        column: Number(m[4]),
        title,
        code: title.split(' ')[0]!,
        message: unescapeProperty(m[6]!),
      };
    });
}

interface SarifLog {
  version: string;
  $schema?: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string }[] } };
    results: {
      ruleId: string;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[];
    }[];
  }[];
}

/** SARIF results as reported problems. */
export function readSarif(stdout: string): { log: SarifLog; problems: Reported[] } {
  const log = JSON.parse(stdout) as SarifLog;
  const problems = log.runs[0]!.results.map((r) => {
    const location = r.locations[0]!.physicalLocation;
    return {
      file: location.artifactLocation.uri,
      line: location.region.startLine,
      column: location.region.startColumn,
      code: r.ruleId,
      severity: r.level,
      message: r.message.text,
    };
  });
  return { log, problems };
}

/** A sorted list of `file:line:col CODE` keys. */
export function keysOf(problems: readonly { file: string; line: number; column: number; code: string }[]): string[] {
  return problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.code}`).sort();
}

// eslint-disable-next-line no-control-regex
export const ANSI = /\u001b\[/;
