import * as z from "zod/mini";
import type { ParameterSpec } from "./types";

/*
 * The value rules parameters share, as zod schemas. They document what a kernel accepts (the
 * reference states them, the property tests check the kernels refuse what they exclude).
 */

export const anyNumber = z.number();
export const nonNegative = z.number().check(z.gte(0));
export const positive = z.number().check(z.gt(0));
export const share = z.number().check(z.gte(0), z.lte(1));
export const rateAboveMinusOne = z.number().check(z.gt(-1));
export const cashFlows = z.array(z.number()).check(z.minLength(2));

export function scalar(name: string, description: string, schema: z.ZodMiniType): ParameterSpec {
  return { name, description, kind: "scalar", schema };
}

export function series(name: string, description: string, schema: z.ZodMiniType): ParameterSpec {
  return { name, description, kind: "series", schema };
}
