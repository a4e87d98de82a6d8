import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';

// The positioned parser (yaml) costs about ten times what js-yaml costs, and parsing is the whole
// cost of validating a large repository. So files are read with js-yaml first, and with yaml only
// when a file has a problem to point at. For that to be safe js-yaml must never accept a file the
// positioned parser rejects, nor read it differently: its scalars are resolved here by the exact
// YAML 1.2 core-schema rules yaml uses (js-yaml's own also take 1_000, 0b1 and the like), and any
// text with the features data files refuse (anchors, aliases, tags, directives, documents) goes to
// the positioned parser directly. A differential test over thousands of damaged files holds it.

const CORE_NULL = /^(?:~|[Nn]ull|NULL)?$/;
const CORE_BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const CORE_INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const CORE_FLOAT = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

// Every plain scalar is offered to each type in turn: a look at its first character spares the
// expressions for the texts (most scalars) that cannot be a null, a boolean or a number.
const NUMBER_START = /^[-+.0-9]/;

const coreNull = new Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (data: string) => data === '' || data === '~' || data === 'null' || data === 'Null' || data === 'NULL',
  construct: () => null,
});
const coreBool = new Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: string) => data.length <= 5 && CORE_BOOL.test(data),
  construct: (data: string) => data[0] === 't' || data[0] === 'T',
});
const coreInt = new Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: string) => NUMBER_START.test(data) && CORE_INT.test(data),
  construct: (data: string) =>
    data.startsWith('0o') ? parseInt(data.slice(2), 8) : data.startsWith('0x') ? parseInt(data.slice(2), 16) : parseInt(data, 10),
});
const coreFloat = new Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: string) => NUMBER_START.test(data) && CORE_FLOAT.test(data),
  construct: (data: string) => {
    const special = /^[-+]?\.(inf|Inf|INF)$/.test(data) ? (data[0] === '-' ? -Infinity : Infinity) : /^\.(nan|NaN|NAN)$/.test(data) ? NaN : undefined;
    return special ?? parseFloat(data);
  },
});

const CORE_SCHEMA_12 = FAILSAFE_SCHEMA.extend({ implicit: [coreNull, coreBool, coreInt, coreFloat] });

/**
 * Text that may use what data files refuse, or that the two parsers might read differently:
 * anchors and aliases (&a, *a), tags (!t), directives, document markers, explicit and merge keys,
 * tabs, escapes and a byte-order mark. Such text goes to the positioned parser.
 */
const NEEDS_POSITIONED_PARSER = /\r(?!\n)|(?:^|[\s[{,])[&*!][^\s]|^%|^(?:---|\.\.\.)|^\s*(?:-\s+)?[?]\s|<<|\t|\\|^\uFEFF/m;
/**
 * Every alternative above but the document markers needs one of these characters: a text without
 * them (most files) is cleared by one quick scan for a character class and one for the markers.
 */
const MAY_NEED_POSITIONED_PARSER = /[\r&*!%?<\t\\\uFEFF]/;
const DOCUMENT_MARKER = /^(?:---|\.\.\.)/m;

function needsPositionedParser(text: string): boolean {
  return MAY_NEED_POSITIONED_PARSER.test(text) ? NEEDS_POSITIONED_PARSER.test(text) : DOCUMENT_MARKER.test(text);
}

/** Keys as data files write them; anything else (null, numbers, odd characters) needs the positioned parser. */
const PLAIN_KEY = /^[A-Za-z][A-Za-z0-9_-]*$/;

function plainKeysOnly(value: unknown): boolean {
  if (Array.isArray(value)) {
    for (const item of value) if (!plainKeysOnly(item)) return false;
    return true;
  }
  if (value !== null && typeof value === 'object') {
    // js-yaml builds plain objects (no inherited enumerable keys): for...in sees exactly its own keys.
    for (const key in value) {
      if (!PLAIN_KEY.test(key) || CORE_NULL.test(key) || !plainKeysOnly((value as Record<string, unknown>)[key])) return false;
    }
  }
  return true;
}

/** A value that opens with a quote or bracket on this line. */
const OPENS_FLOW = /^\s*(?:-\s+)*(?:[^\s#'"[{][^#]*?:\s+)?(["'[{])(.*)$/;

/**
 * Whether a quoted or flow value runs over several lines: the parsers disagree on how such lines
 * must be indented, so the positioned parser decides.
 */
function hasMultiLineFlow(text: string): boolean {
  // Only a line with a quote or bracket can open one: visit those lines alone.
  const opener = /["'[{]/g;
  for (let found = opener.exec(text); found; found = opener.exec(text)) {
    const start = text.lastIndexOf('\n', found.index) + 1;
    let end = text.indexOf('\n', found.index);
    if (end === -1) end = text.length;
    opener.lastIndex = end;
    const line = text.slice(start, end);
    const m = OPENS_FLOW.exec(line);
    if (!m) continue;
    const [, open, rest] = m as unknown as [string, string, string];
    const body = rest.replace(/\s+#.*$/, '').trimEnd();
    if (open === '"' && !/^[^"]*"/.test(body)) return true;
    if (open === "'" && !/^(?:[^']|'')*'(?!')/.test(body)) return true;
    if ((open === '[' && !body.endsWith(']')) || (open === '{' && !body.endsWith('}'))) return true;
  }
  return false;
}

/** The data of a YAML text when the fast path can vouch for it; undefined sends it to the positioned parser. */
export function fastParse(text: string): { data: unknown } | undefined {
  if (needsPositionedParser(text) || hasMultiLineFlow(text)) return undefined;
  let data: unknown;
  try {
    data = load(text, { schema: CORE_SCHEMA_12, json: false });
  } catch {
    return undefined;
  }
  if (data === undefined || !plainKeysOnly(data)) return undefined;
  return { data };
}
