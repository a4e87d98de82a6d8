import type * as z from 'zod';
import type { Partnership } from './partnership.js';
import type { Session } from './session.js';

/**
 * What a file's data says, typed after its schema, where every value that does not fit its place is
 * absent. Checks read partnerships that may have failed the schema (one typo must not hide a jumped
 * gate), so they read this view instead of trusting the inferred type or spelling keys as strings.
 * Lists keep their length: an item that does not fit is `undefined`, so indexes still point at the file.
 */
export type Facts<T> = T extends readonly (infer U)[] ? (Facts<U> | undefined)[] : T extends object ? { [K in keyof T]?: Facts<T[K]> } : T;

export type PartnershipFacts = Facts<Partnership>;
export type SessionFacts = Facts<Session>;

/** A logged session's facts with the file it comes from (its name orders sessions of one day). */
export interface SessionRecord {
  file: string;
  session: SessionFacts;
}

type Def = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType; options?: z.ZodType[]; in?: z.ZodType };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * The facts of `value` under `schema`: the value itself when it passes, else the parts of it that
 * fit, found by walking the schema (objects key by key, lists item by item, each leaf checked alone).
 */
export function factsOf<T>(schema: z.ZodType<T>, value: unknown): Facts<T> | undefined {
  return (schema.safeParse(value).success ? value : project(schema, value)) as Facts<T> | undefined;
}

function project(schema: z.ZodType, value: unknown): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      return project(def.innerType!, value);
    case 'pipe':
      return project(def.in!, value);
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(def.shape!)) {
        if (!Object.hasOwn(value, key)) continue;
        const fact = project(child, (value as Record<string, unknown>)[key]);
        if (fact !== undefined) out[key] = fact;
      }
      return out;
    }
    case 'array':
      return Array.isArray(value) ? value.map((item) => project(def.element!, item)) : undefined;
    case 'union': {
      const options = def.options!;
      if (options.some((option) => option.safeParse(value).success)) return value;
      // The option of the value's own shape keeps what fits of it (a mapping rating with a bad evidence).
      const shaped = options.find((option) => defOf(option).type === (Array.isArray(value) ? 'array' : typeof value === 'object' && value !== null ? 'object' : ''));
      return shaped ? project(shaped, value) : undefined;
    }
    default:
      return schema.safeParse(value).success ? value : undefined;
  }
}
