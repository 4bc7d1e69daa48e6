import { FormulaError } from "../errors";
import { got, requireFinite } from "../validate";

/** A score scale: 1–5 by default, 1–10 accepted. */
export interface ScaleOptions {
  /** Top of the scale, 5 or 10; the bottom is 1. */
  readonly scaleMax?: number;
  /** Scores at or above this are "high"; default the midpoint of the scale (3 on 1–5, 5.5 on 1–10). */
  readonly threshold?: number;
}

export interface Scale {
  readonly min: number;
  readonly max: number;
  readonly threshold: number;
}

export function resolveScale(fn: string, options: ScaleOptions = {}): Scale {
  const max = options.scaleMax ?? 5;
  if (max !== 5 && max !== 10) {
    throw new FormulaError(
      "VALUE",
      `${fn}: scale_max must be 5 (a 1–5 scale) or 10 (a 1–10 scale), ${got(max)}`,
    );
  }
  const threshold = options.threshold ?? (1 + max) / 2;
  requireFinite(fn, "threshold", threshold);
  if (threshold < 1 || threshold > max) {
    throw new FormulaError("VALUE", `${fn}: threshold must lie on the 1–${max} scale, ${got(threshold)}`);
  }
  return { min: 1, max, threshold };
}

export function requireScore(fn: string, name: string, value: number, scale: Scale): number {
  requireFinite(fn, name, value);
  if (value < scale.min || value > scale.max) {
    throw new FormulaError("VALUE", `${fn}: ${name} must be a score from 1 to ${scale.max}, ${got(value)}`);
  }
  return value;
}
