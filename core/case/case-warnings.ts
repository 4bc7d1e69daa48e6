import type { BusinessCaseInputs } from "./inputs";
import { BENEFIT_LABELS } from "./labels";

/** The judgement aids' kinds, one a Phillips guiding principle a case may strain. */
export type CaseWarningKind =
  | "unadjusted-benefit"
  | "share-out-of-range"
  | "learner-time-missing"
  | "benefits-after-first-year"
  | "intangible-with-value";

/** One judgement aid: what it is about, where, and what to consider. Never a change to the inputs. */
export interface CaseWarning {
  readonly kind: CaseWarningKind;
  /** Path into the inputs: ["benefits", 0, "attribution"]. */
  readonly path: readonly (string | number)[];
  readonly message: string;
}

function isShare(value: unknown): boolean {
  return typeof value === "number" && value >= 0 && value <= 1;
}

/**
 * The judgement aids for a business case, from the Phillips ROI Methodology's guiding principles:
 * warnings a reviewer should see, never silent changes to the inputs.
 * - a benefit without an attribution or confidence adjustment (blank or 100%): principles 5 and 7,
 *   isolate the programme's effect and adjust estimates for error;
 * - a share outside 0–100% (the model refuses it; the panel shows why as the user types);
 * - no learner time in the costs (learners, hours or the hourly cost 0): principle 10, costs
 *   fully loaded;
 * - benefits beyond the first year for a short-term programme: principle 9, only the first year's
 *   benefits count (ROI and BCR leave them out; NPV, IRR and payback still see them);
 * - an intangible given a money value: principle 11, intangible measures are listed, not converted
 *   (the model never counts it).
 *
 * Source: J. J. Phillips & P. P. Phillips, ROI Institute, "the twelve guiding principles of the
 * ROI Methodology".
 *
 * @param inputs the inputs as typed, checked or not (the panel calls this on every keystroke)
 * @returns the warnings, in the order of the inputs
 * @example Number(businessCaseWarnings(SAMPLE_BUSINESS_CASE).length) // 0
 */
export function businessCaseWarnings(inputs: BusinessCaseInputs): CaseWarning[] {
  const warnings: CaseWarning[] = [];
  const { programme, benefits = [], intangibles = [] } = inputs;
  benefits.forEach((stream, index) => {
    const name = `Benefit stream ${stream.id}${stream.name ? ` (${stream.name})` : ""}`;
    for (const field of ["attribution", "confidence"] as const) {
      const value = stream[field];
      const label = BENEFIT_LABELS[field];
      if (value !== undefined && value !== null && !isShare(value)) {
        const hint =
          // A whole number from 2 to 100 was probably typed as a percentage.
          Number.isInteger(value) && (value as number) > 1 && (value as number) <= 100
            ? ` (${value}% is ${value / 100})`
            : "";
        warnings.push({
          kind: "share-out-of-range",
          path: ["benefits", index, field],
          message: `${name}: ${label} must be a share from 0 to 1${hint}, got ${String(value)}.`,
        });
      } else if (value === undefined || value === null || value === 1) {
        const what =
          field === "attribution"
            ? "no attribution adjustment: credit the programme only with the share of the improvement it caused (guiding principle 5)"
            : "no confidence adjustment: discount the estimate by the estimator's confidence in it (guiding principle 7)";
        warnings.push({
          kind: "unadjusted-benefit",
          path: ["benefits", index, field],
          message: `${name} has ${what}.`,
        });
      }
    }
    const lastYear = stream.firstYear + stream.durationYears - 1;
    if (programme?.shortTerm && lastYear > 1) {
      warnings.push({
        kind: "benefits-after-first-year",
        path: ["benefits", index, "durationYears"],
        message: `${name} claims benefits to year ${lastYear} for a short-term programme: ROI and BCR count only the first year (guiding principle 9); NPV, IRR and payback still include the later years.`,
      });
    }
  });
  const hours = (programme?.learners ?? 0) * (programme?.hoursPerLearner ?? 0) * (programme?.hourlyCost ?? 0);
  if (!(hours > 0)) {
    warnings.push({
      kind: "learner-time-missing",
      path: ["programme", "hourlyCost"],
      message:
        "Learner time is missing from the costs: enter learners, hours per learner and the loaded hourly cost, so costs are fully loaded (guiding principle 10).",
    });
  }
  intangibles.forEach((intangible, index) => {
    if (intangible.moneyValue !== undefined && intangible.moneyValue !== null) {
      warnings.push({
        kind: "intangible-with-value",
        path: ["intangibles", index, "moneyValue"],
        message: `Intangible ${intangible.id}${intangible.name ? ` (${intangible.name})` : ""} has a money value of ${String(intangible.moneyValue)}: an intangible is listed, never converted to money (guiding principle 11), so the case does not count it. Make it a benefit stream with a measure and a unit value if it can be converted credibly.`,
      });
    }
  });
  return warnings;
}
