// A verdict-only reading of a zod schema: whether zod would accept a value, without the issues,
// paths and copies zod makes on the way. The schema check (check/schema.ts, under validate, status,
// the portfolio and every write) asks it first for every file read with the speed-ups on, and asks
// zod itself only for the files it does not accept, so every problem reported still comes from zod.
//
// It walks the schema once and builds one function per node. Objects, arrays, optionals,
// nullables and plain unions, which make up the structure of a partnership or session file, are
// walked here, following zod's own rules for each (core/schemas.js of zod 4: $ZodObject with
// handlePropertyResult and handleCatchall, $ZodArray, $ZodOptional, $ZodNullable, $ZodUnion).
// Every other node (a string with its checks, an enum, a number, a refinement on a string...) is
// run by zod's own `_zod.run`, so its answer is zod's. A node's own checks (the superRefine of a
// party, of a history entry) are zod's check functions, run on the value zod would have given
// them. Where a node's rules are not followed here (defaults, transforms, pipes, discriminated or
// exclusive unions, symbol keys), the whole node goes to zod.
//
// The test holds it to zod on every example and fixture and on thousands of damaged files, in
// both directions: it accepts exactly what zod accepts.
import type * as z from 'zod';

/** What a node gives when zod would report an issue. */
const FAIL: unique symbol = Symbol('zod would report an issue');

/** A node's reading of a value: the value zod would give (when asked for), or FAIL. */
type Reading = (value: unknown) => unknown;

interface Payload {
  value: unknown;
  issues: unknown[];
}

/** The parts of zod 4's internals that zod's own parse reads. */
interface Internals {
  def: {
    type: string;
    checks?: Node[];
    shape?: Record<string, Node>;
    catchall?: Node;
    element?: Node;
    innerType?: Node;
    options?: Node[];
    discriminator?: unknown;
    inclusive?: boolean;
    when?: (payload: Payload) => boolean;
  };
  traits: Set<string>;
  optin?: 'optional' | 'defaulted';
  optout?: 'optional';
  run: (payload: Payload, ctx: object) => Payload | Promise<Payload>;
  check?: (payload: Payload) => unknown;
}

interface Node {
  _zod: Internals;
}

/** What zod's safeParse runs its schema with. */
const CONTEXT = { async: false } as const;

/** A node zod runs itself: its answer and its value are zod's. */
function byZod(node: Node): Reading {
  const internals = node._zod;
  return (value) => {
    const result = internals.run({ value, issues: [] }, CONTEXT);
    if (result instanceof Promise) return FAIL;
    return result.issues.length === 0 ? result.value : FAIL;
  };
}

/** The checks zod runs on a node after its parse: the node itself when it is a check, then its own. */
function checksOf(node: Node): Node[] {
  const own = node._zod.def.checks ?? [];
  return node._zod.traits.has('$ZodCheck') ? [node, ...own] : own;
}

/**
 * A node's checks run on the value its parse gave, as zod's runChecks does when nothing failed
 * before them (a failure stops everything here: the verdict is then zod's to give).
 */
function withChecks(checks: readonly Node[], parse: Reading): Reading {
  return (value) => {
    const parsed = parse(value);
    if (parsed === FAIL) return FAIL;
    const payload: Payload = { value: parsed, issues: [] };
    for (const check of checks) {
      const { def } = check._zod;
      if (def.when && !def.when(payload)) continue;
      const done = check._zod.check!(payload);
      if (done instanceof Promise || payload.issues.length > 0) return FAIL;
    }
    return payload.value;
  };
}

/**
 * The reading of a node. `output`: whether the value zod would give is needed (by a check above
 * it); when it is not, objects and arrays are only walked, never copied.
 */
function reading(node: Node, output: boolean): Reading {
  const internals = node._zod;
  const { def } = internals;
  const checks = checksOf(node);
  // A check sees the value zod built, so everything under a node with checks builds it too.
  const below = output || checks.length > 0;
  let parse: Reading | undefined;
  switch (def.type) {
    case 'object':
      parse = internals.traits.has('$ZodObject') ? objectReading(def, below) : undefined;
      break;
    case 'array':
      parse = internals.traits.has('$ZodArray') && def.element ? arrayReading(reading(def.element, below), below) : undefined;
      break;
    case 'optional':
      // Only the plain optional: an exact optional refuses undefined, a defaulted inner substitutes.
      if (internals.traits.has('$ZodExactOptional') || !def.innerType || def.innerType._zod.optin === 'defaulted') break;
      parse = around(undefined, reading(def.innerType, below));
      break;
    case 'nullable':
      parse = def.innerType ? around(null, reading(def.innerType, below)) : undefined;
      break;
    case 'union':
      // Inclusive unions only: the first option that accepts the value gives it.
      if (def.discriminator !== undefined || def.inclusive === false || !def.options?.length) break;
      parse = firstOf(def.options.map((option) => reading(option, below)));
      break;
  }
  if (!parse) return byZod(node);
  return checks.length > 0 ? withChecks(checks, parse) : parse;
}

/** An optional (`empty` undefined) or a nullable (`empty` null): that value as it is, any other to the inner node. */
function around(empty: undefined | null, inner: Reading): Reading {
  return (value) => (value === empty ? value : inner(value));
}

function firstOf(options: readonly Reading[]): Reading {
  return (value) => {
    for (const option of options) {
      const result = option(value);
      if (result !== FAIL) return result;
    }
    return FAIL;
  };
}

function arrayReading(element: Reading, output: boolean): Reading {
  return (value) => {
    if (!Array.isArray(value)) return FAIL;
    const items: unknown[] | undefined = output ? new Array(value.length) : undefined;
    for (let i = 0; i < value.length; i++) {
      const result = element(value[i]);
      if (result === FAIL) return FAIL;
      if (items) items[i] = result;
    }
    return items ?? value;
  };
}

interface Field {
  key: string;
  read: Reading;
  /** Whether the key may be absent (an optional that gives nothing in its place). */
  omittable: boolean;
}

function objectReading(def: Internals['def'], output: boolean): Reading | undefined {
  const shape = def.shape;
  if (!shape || Object.getOwnPropertySymbols(shape).length > 0) return undefined;
  const keys = Object.keys(shape);
  // zod leaves a declared __proto__ out of what it gives; not followed here.
  if (keys.includes('__proto__')) return undefined;
  // No catchall: unknown keys are dropped. A never: any unknown key is an issue. Others: zod's.
  const catchall = def.catchall;
  if (catchall !== undefined && catchall._zod.def.type !== 'never') return undefined;
  const strict = catchall !== undefined;
  const fields: Field[] = [];
  for (const key of keys) {
    const field = shape[key]!._zod;
    // A key that is absent gives nothing only when the node is optional both in and out.
    const omittable = field.optin === 'optional' && field.optout === 'optional';
    if (field.optin !== undefined && !omittable) return undefined;
    fields.push({ key, read: reading(shape[key]!, output), omittable });
  }
  const known = new Set(keys);
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return FAIL;
    const input = value as Record<string, unknown>;
    const built: Record<string, unknown> | undefined = output ? {} : undefined;
    for (const { key, read, omittable } of fields) {
      // As zod: `in` and a plain read, so the same keys count as present.
      if (!(key in input)) {
        if (omittable) continue;
        return FAIL; // a missing required key
      }
      const result = read(input[key]);
      if (result === FAIL) return FAIL;
      if (built) built[key] = result;
    }
    if (strict) {
      for (const key in input) if (!known.has(key)) return FAIL;
    }
    return built ?? value;
  };
}

const readings = new WeakMap<object, Reading>();

/**
 * Whether zod would accept `value` under `schema` (its safeParse would succeed), without the
 * work of describing what it would not accept. False means "ask zod", never "zod would refuse"
 * alone: an asynchronous check, for one, is left to zod.
 */
export function zodAccepts(schema: z.ZodType, value: unknown): boolean {
  let read = readings.get(schema);
  if (!read) {
    read = reading(schema as unknown as Node, false);
    readings.set(schema, read);
  }
  try {
    return read(value) !== FAIL;
  } catch {
    // A check that throws (an asynchronous one in a synchronous parse, a refinement's own bug):
    // zod, asked next, throws or answers the same way it always did.
    return false;
  }
}
