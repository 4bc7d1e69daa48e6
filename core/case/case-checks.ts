/**
 * The Business Case sheet's checks block (the FAST Standard's and the ICAEW Financial Modelling
 * Code's "checks"): each a native formula that shows "OK" when two ways of reaching a figure agree
 * and a flag saying what does not add up when they do not.
 */

/** The checks, in the order the block shows them; each cell is named `BuyIn_Case_Check<Id>`. */
export const CASE_CHECKS = ["Categories", "NetBenefit", "Cumulative", "NPV", "RoiBcr", "Adjustment"] as const;
export type CaseCheck = (typeof CASE_CHECKS)[number];

/** What a check formula reads: ranges and cells of the sheet, in A1, and `{name:X}` names. */
export interface CheckReferences {
  /** The years' header row (0 … the longest horizon). */
  readonly years: string;
  readonly cost: string;
  readonly grossBenefit: string;
  readonly adjustedBenefit: string;
  readonly net: string;
  /** The cumulative cash flow of the last column. */
  readonly lastCumulative: string;
  /** The cost-by-category totals (learner time included). */
  readonly categories: string;
}

/** a and b agree to the tolerance relative to `scale` (at least 1). */
function agree(a: string, b: string, scale: string, flag: string): string {
  return `=IFERROR(IF(ABS((${a})-(${b}))<={name:Tolerance}*MAX(1,${scale}),"OK","FLAG: ${flag}"),"FLAG: ${flag} (a figure is an error)")`;
}

/** Each check's label and formula. */
export function checkFormulas(refs: CheckReferences): Record<CaseCheck, { label: string; formula: string }> {
  const totalCost = `SUM(${refs.cost})`;
  const counted = (row: string) => `SUMPRODUCT(${row}*(${refs.years}<={name:CountedYears}))`;
  return {
    Categories: {
      label: "Costs by category add up to the total cost of every year",
      formula: agree(
        `SUM(${refs.categories})`,
        totalCost,
        `ABS(${totalCost})`,
        "the costs by category do not add up to the yearly total cost",
      ),
    },
    NetBenefit: {
      label: "The counted years' net cash flows add up to the net benefit",
      formula: agree(
        counted(refs.net),
        "{name:NetBenefit}",
        "{name:Cost}+ABS({name:Benefit})",
        "the net cash flows do not add up to BuyIn_Case_NetBenefit",
      ),
    },
    Cumulative: {
      label: "The last cumulative cash flow is the sum of the net cash flows",
      formula: agree(
        refs.lastCumulative,
        `SUM(${refs.net})`,
        `SUMPRODUCT(ABS(${refs.net}))`,
        "the cumulative cash flow does not end at the sum of the net cash flows",
      ),
    },
    NPV: {
      label: "The NPV is the net cash flows discounted year by year",
      formula: agree(
        `SUMPRODUCT(${refs.net}/(1+{name:DiscountRate})^${refs.years})`,
        "{name:NPV}",
        `SUMPRODUCT(ABS(${refs.net}))`,
        "BuyIn_Case_NPV is not the discounted net cash flows",
      ),
    },
    RoiBcr: {
      label: "ROI is the benefit–cost ratio less 1",
      formula: agree(
        "{name:ROI}",
        "{name:BCR}-1",
        "ABS({name:BCR})",
        "BuyIn_Case_ROI is not BuyIn_Case_BCR less 1",
      ),
    },
    Adjustment: {
      label: "No year's adjusted benefit exceeds its gross benefit",
      formula: `=IFERROR(IF(SUMPRODUCT((${refs.adjustedBenefit}-${refs.grossBenefit}>{name:Tolerance}*ABS(${refs.grossBenefit}))*1)=0,"OK","FLAG: an adjusted benefit exceeds its gross benefit (a share above 100%?)"),"FLAG: an adjusted benefit exceeds its gross benefit (a figure is an error)")`,
    },
  };
}
