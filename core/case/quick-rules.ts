/**
 * A fast acceptance check derived from the business case's zod schemas. Each leaf schema built in
 * core/case/inputs.ts records, beside its zod checks, the same rule as a plain predicate; objects,
 * arrays and optionals are walked through zod's own definitions (`_zod.def`). When every leaf
 * accepts, the inputs are valid as they stand and zod's parse (slow in zod/mini, whose objects are
 * not compiled) is skipped; otherwise zod runs and names the broken rule. A leaf without a
 * recorded predicate is never accepted quickly, so the check can only be stricter than zod.
 */

const PREDICATES = new WeakMap<object, (value: unknown) => boolean>();

/** The schema, with `accepts` recorded as the same rule its zod checks state. */
export function withQuickRule<S extends object>(schema: S, accepts: (value: unknown) => boolean): S {
  PREDICATES.set(schema, accepts);
  return schema;
}

interface Definition {
  readonly type: string;
  readonly innerType?: object;
  readonly element?: object;
  readonly shape?: Readonly<Record<string, object>>;
}

/**
 * Whether zod would accept `value` for `schema`, decided without parsing: true only where every
 * leaf's recorded rule holds.
 *
 * @param schema a schema of core/case/inputs.ts
 * @param value anything
 * @example Number(quickAccepts(ProgrammeSchema, SAMPLE_BUSINESS_CASE.programme)) // 1
 */
export function quickAccepts(schema: object, value: unknown): boolean {
  const leaf = PREDICATES.get(schema);
  if (leaf) return leaf(value);
  const definition = (schema as { _zod?: { def?: Definition } })._zod?.def;
  switch (definition?.type) {
    case "optional":
      return value === undefined || quickAccepts(definition.innerType as object, value);
    case "array":
      return Array.isArray(value) && value.every((item) => quickAccepts(definition.element as object, item));
    case "object": {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
      const shape = definition.shape as Readonly<Record<string, object>>;
      for (const key in shape) {
        if (!quickAccepts(shape[key] as object, (value as Record<string, unknown>)[key])) return false;
      }
      return true;
    }
    default:
      return false;
  }
}
