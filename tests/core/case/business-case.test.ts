/**
 * The business-case model on published worked examples, each cited. Where a source's printed
 * figure disagrees with its own rows, the test says so and checks the figure its rows give.
 */
import { describe, expect, it } from "vitest";
import {
  type BenefitStream,
  type BusinessCaseInputs,
  businessCase,
  businessCaseWarnings,
  type CostLine,
  FormulaError,
  SAMPLE_BUSINESS_CASE,
} from "../../../core/index";

/** A programme with no learner time of its own: the sources give their costs whole. */
function programme(overrides: Partial<BusinessCaseInputs["programme"]>): BusinessCaseInputs["programme"] {
  return {
    name: "Worked example",
    learners: 0,
    hoursPerLearner: 0,
    hourlyCost: 0,
    horizonYears: 1,
    discountRate: 0,
    shortTerm: false,
    ...overrides,
  };
}

function cost(id: string, amount: number, year: number, timing: CostLine["timing"] = "One-off"): CostLine {
  return { id, category: "Delivery and facilitation", timing, amount, year };
}

/** A benefit of `amount` a year in years first … first + duration − 1, unadjusted. */
function benefit(id: string, amount: number, firstYear: number, durationYears = 1): BenefitStream {
  return {
    id,
    name: `Benefit ${id}`,
    measure: "Money a year",
    improvement: amount,
    valuePerUnit: 1,
    attribution: 1,
    confidence: 1,
    firstYear,
    rampUpYears: 0,
    durationYears,
  };
}

/** One stream a year, so each year's benefit is the source's figure. */
function yearlyBenefits(amounts: readonly number[]): BenefitStream[] {
  return amounts.map((amount, index) => benefit(`B-${index + 1}`, amount, index + 1));
}

describe("the basic Phillips case", () => {
  // J. J. Phillips & P. P. Phillips (2005), "ROI Basics", ASTD Press: benefits of $60,000 on
  // fully loaded costs of $20,000 give a BCR of 3:1 and an ROI of 200%.
  const inputs: BusinessCaseInputs = {
    // Costs: 10 learners × 20 hours × $25 of learner time ($5,000) and $15,000 of delivery.
    programme: programme({ learners: 10, hoursPerLearner: 20, hourlyCost: 25, shortTerm: true }),
    costs: [cost("C-001", 15000, 0)],
    // Benefits: 250 units × $600 = $150,000 gross, × 50% attribution × 80% confidence = $60,000.
    benefits: [{ ...benefit("B-001", 250, 1), valuePerUnit: 600, attribution: 0.5, confidence: 0.8 }],
    intangibles: [],
  };
  const result = businessCase(inputs);

  it("gives BCR 3 and ROI 200% on $60,000 of benefits and $20,000 of costs", () => {
    expect(result.learnerTimeCost).toBe(5000);
    expect(result.fullyLoadedCost).toBe(20000);
    expect(result.grossBenefit).toBe(150000);
    expect(result.adjustedBenefit).toBeCloseTo(60000, 9);
    expect(result.netBenefit).toBeCloseTo(40000, 9);
    expect(result.bcr).toBeCloseTo(3, 12);
    expect(result.roi).toBeCloseTo(2, 12);
  });

  it("breaks even at a third of the expected improvement: 83.3 units of 250", () => {
    expect(result.breakEvenImprovement).toBeCloseTo(1 / 3, 12);
    expect(result.breakEvenByStream[0]?.improvement).toBeCloseTo(250 / 3, 9);
  });

  it("pays back in 4 months: $20,000 out at the start, $60,000 over year 1", () => {
    expect(result.paybackMonths).toBeCloseTo(4, 12);
  });
});

describe("Microsoft, 'NPV function' (Excel documentation), example 2, as a business case", () => {
  // support.microsoft.com/office/npv-function-8672cb67-2576-4d07-b67b-ac28acf2a568: an 8% rate,
  // an initial cost of $40,000, returns of $8,000, $9,200, $10,000, $12,000 and $14,500 in years
  // 1–5: NPV(8%, B3:B7) + B2 = $1,922.06; with a loss of $9,000 in year 6, −$3,749.47.
  const returns = [8000, 9200, 10000, 12000, 14500];
  const inputs: BusinessCaseInputs = {
    programme: programme({ horizonYears: 5, discountRate: 0.08 }),
    costs: [cost("C-001", 40000, 0)],
    benefits: yearlyBenefits(returns),
    intangibles: [],
  };

  it("NPV = $1,922.06", () => {
    const result = businessCase(inputs);
    expect(result.netCashFlow).toEqual([-40000, ...returns]);
    expect(result.npv).toBeCloseTo(1922.06, 2);
  });

  it("with a $9,000 cost in year 6: NPV = −$3,749.47", () => {
    const result = businessCase({
      ...inputs,
      programme: { ...inputs.programme, horizonYears: 6 },
      costs: [...inputs.costs, cost("C-002", 9000, 6)],
    });
    expect(result.npv).toBeCloseTo(-3749.47, 2);
  });

  it("ROI and BCR count every year of a long-term programme, undiscounted", () => {
    const result = businessCase(inputs);
    expect(result.countedYears).toBe(5);
    expect(result.adjustedBenefit).toBe(53700);
    expect(result.roi).toBeCloseTo(13700 / 40000, 12);
  });
});

describe("Microsoft, 'IRR function' (Excel documentation), as a business case", () => {
  // support.microsoft.com/office/irr-function-64925eaa-9988-495b-b290-3ad0c163c1bc: a $70,000
  // business cost, net income of $12,000, $15,000, $18,000, $21,000, $26,000: IRR after four
  // years −2.1%, after five years 8.7%.
  const income = [12000, 15000, 18000, 21000, 26000];
  const caseOver = (years: number): BusinessCaseInputs => ({
    programme: programme({ horizonYears: years, discountRate: 0.1 }),
    costs: [cost("C-001", 70000, 0)],
    benefits: yearlyBenefits(income.slice(0, years)),
    intangibles: [],
  });

  it("IRR after five years is 8.7%, after four −2.1%", () => {
    expect(businessCase(caseOver(5)).irr).toBeCloseTo(0.087, 3);
    expect(businessCase(caseOver(4)).irr).toBeCloseTo(-0.021, 3);
  });

  it("pays back within year 5: 4 + (70,000 − 66,000) / 26,000 years", () => {
    expect(businessCase(caseOver(5)).paybackMonths).toBeCloseTo((4 + 4000 / 26000) * 12, 10);
    expect(businessCase(caseOver(4)).paybackMonths).toBeNull();
  });
});

describe("Precision Group (Australia), BSBOPS501 Trainer Manual v1.1 (2021), p. 26: a training cost–benefit analysis", () => {
  // "Introduce new training initiatives for improved work performance": $3,000 upfront, $3,000 a
  // year ongoing for five years, benefits of $4,000, $4,500, $4,000, $4,500, $4,500, an 11%
  // discount rate. The page prints net flows (−3,000), 1,000, 1,500, 1,000, 1,500, 1,500, their
  // discounted values $901, $1,271, $731, $988, $890, NPV $1,737.80 and IRR 31%. Its own rows give
  // $1,217 for year 2 (1,500 / 1.11², the page swaps two digits) and NPV $1,727.80 (−3,000 + the
  // five discounted values); the IRR of the rows is 30.67%, the page's 31%.
  const inputs: BusinessCaseInputs = {
    programme: programme({ horizonYears: 5, discountRate: 0.11 }),
    costs: [
      { ...cost("C-001", 3000, 0), category: "Design and development" },
      cost("C-002", 3000, 1, "Recurring"),
    ],
    // $4,000 every year, plus $500 in years 2, 4 and 5.
    benefits: [benefit("B-001", 4000, 1, 5), benefit("B-002", 500, 2), benefit("B-003", 500, 4, 2)],
    intangibles: [],
  };
  const result = businessCase(inputs);

  it("has the page's net cash flows", () => {
    expect(result.costByYear).toEqual([3000, 3000, 3000, 3000, 3000, 3000]);
    expect(result.adjustedBenefitByYear).toEqual([0, 4000, 4500, 4000, 4500, 4500]);
    expect(result.netCashFlow).toEqual([-3000, 1000, 1500, 1000, 1500, 1500]);
  });

  it("discounts each year as the page does, to the dollar", () => {
    const discounted = result.netCashFlow.map((flow, year) => Math.round(flow / 1.11 ** year));
    expect(discounted).toEqual([-3000, 901, 1217, 731, 988, 890]);
  });

  it("NPV = $1,727.80 (the page's rows; it prints $1,737.80) and IRR 31%", () => {
    expect(result.npv).toBeCloseTo(1727.8, 2);
    expect(Math.round((result.irr as number) * 100)).toBe(31);
  });

  it("flags what the page leaves out: learner time, and attribution and confidence adjustments", () => {
    const kinds = new Set(businessCaseWarnings(inputs).map((warning) => warning.kind));
    expect([...kinds]).toEqual(["unadjusted-benefit", "learner-time-missing"]);
  });
});

describe("Modern Analyst, 'What is Cost Benefit Analysis (CBA)?'", () => {
  // modernanalyst.com/Careers/InterviewQuestions/tabid/128/ID/822: a $50,000 cost incurred now and
  // a $75,000 benefit three years on, at a 5% discount rate: PV $64,787.82, net $14,787.82.
  it("NPV = $14,787.82", () => {
    const result = businessCase({
      programme: programme({ horizonYears: 3, discountRate: 0.05 }),
      costs: [cost("C-001", 50000, 0)],
      benefits: [benefit("B-001", 75000, 3)],
      intangibles: [],
    });
    expect(result.npv).toBeCloseTo(14787.82, 2);
    expect(result.paybackMonths).toBeCloseTo(24 + (50000 / 75000) * 12, 10);
  });
});

describe("which benefit years ROI and BCR count (Phillips' guiding principle 9)", () => {
  const longTerm: BusinessCaseInputs = {
    programme: programme({
      horizonYears: 3,
      discountRate: 0.1,
      learners: 10,
      hoursPerLearner: 8,
      hourlyCost: 50,
    }),
    costs: [cost("C-001", 6000, 0), cost("C-002", 1000, 1, "Recurring")],
    benefits: [benefit("B-001", 10000, 1, 3)],
    intangibles: [],
  };

  it("a short-term programme counts year 1's benefit against the costs of years 0 and 1", () => {
    const result = businessCase({ ...longTerm, programme: { ...longTerm.programme, shortTerm: true } });
    expect(result.countedYears).toBe(1);
    expect(result.fullyLoadedCost).toBe(4000 + 6000 + 1000);
    expect(result.adjustedBenefit).toBe(10000);
    expect(result.roi).toBeCloseTo(-1000 / 11000, 12);
    // NPV still sees every year.
    expect(result.npv).toBeCloseTo(-10000 + 9000 / 1.1 + 9000 / 1.21 + 9000 / 1.331, 9);
  });

  it("a long-term one counts every year", () => {
    const result = businessCase(longTerm);
    expect(result.countedYears).toBe(3);
    expect(result.fullyLoadedCost).toBe(13000);
    expect(result.adjustedBenefit).toBe(30000);
    expect(result.roi).toBeCloseTo(17000 / 13000, 12);
  });
});

describe("ramp-up and attribution", () => {
  it("a one-year ramp realises half the effect in the stream's first year", () => {
    const result = businessCase({
      programme: programme({ horizonYears: 3, learners: 1, hoursPerLearner: 1, hourlyCost: 100 }),
      costs: [],
      benefits: [{ ...benefit("B-001", 1000, 2, 2), rampUpYears: 1, attribution: 0.5, confidence: 0.5 }],
      intangibles: [],
    });
    expect(result.grossBenefitByYear).toEqual([0, 0, 500, 1000]);
    expect(result.adjustedBenefitByYear).toEqual([0, 0, 125, 250]);
  });
});

describe("bad inputs give #VALUE! naming the field and the rule", () => {
  const failure = (change: (inputs: BusinessCaseInputs) => void): FormulaError => {
    const inputs = structuredClone(SAMPLE_BUSINESS_CASE) as BusinessCaseInputs;
    change(inputs);
    try {
      businessCase(inputs);
    } catch (error) {
      if (error instanceof FormulaError) return error;
      throw error;
    }
    throw new Error("businessCase accepted bad inputs");
  };

  it("negative learners", () => {
    const error = failure((inputs) => {
      (inputs.programme as { learners: number }).learners = -5;
    });
    expect(error.kind).toBe("VALUE");
    expect(error.message).toBe("BuyIn business case: Learners must be a whole number, 0 or more, got -5");
  });

  it("attribution of 150%", () => {
    const error = failure((inputs) => {
      (inputs.benefits[1] as { attribution: number }).attribution = 1.5;
    });
    expect(error.kind).toBe("VALUE");
    expect(error.message).toBe(
      "BuyIn business case: Benefit stream B-002, Attribution must be a share from 0 to 1 (60% is 0.6), got 1.5",
    );
  });

  it("text in a money cell", () => {
    const error = failure((inputs) => {
      (inputs.costs[2] as unknown as { amount: string }).amount = "12,000 GBP";
    });
    expect(error.kind).toBe("VALUE");
    expect(error.message).toBe(
      'BuyIn business case: Cost line C-003, Amount must be an amount, 0 or more, got the text "12,000 GBP"',
    );
  });

  it("a zero cost", () => {
    const error = failure((inputs) => {
      (inputs.programme as { learners: number }).learners = 0;
      for (const line of inputs.costs) (line as { amount: number }).amount = 0;
    });
    expect(error.kind).toBe("VALUE");
    expect(error.message).toBe(
      "BuyIn business case: the fully loaded cost of years 0 to 3 must be greater than 0, got 0; enter the programme's costs and the learners' time",
    );
  });

  it("several broken rules: the first, and how many more", () => {
    const error = failure((inputs) => {
      (inputs.programme as { discountRate: number }).discountRate = 8;
      (inputs.benefits[0] as { firstYear: number }).firstYear = 0;
    });
    expect(error.message).toBe(
      "BuyIn business case: Discount rate must be a rate from 0 to 1 (8% is 0.08), got 8 (and 1 more)",
    );
  });
});

describe("SAMPLE_BUSINESS_CASE", () => {
  it("adds up: costs by category equal the yearly costs, cash flows equal benefits − costs", () => {
    const result = businessCase(SAMPLE_BUSINESS_CASE);
    const byCategory = Object.values(result.costByCategory).reduce((sum, value) => sum + value, 0);
    expect(byCategory).toBeCloseTo(result.totalCost, 9);
    result.years.forEach((year) => {
      expect(result.netCashFlow[year]).toBeCloseTo(
        (result.adjustedBenefitByYear[year] as number) - (result.costByYear[year] as number),
        9,
      );
    });
    expect(result.cumulativeCashFlow.at(-1)).toBeCloseTo(result.netBenefit, 9);
  });

  it("is a modest, positive case with no warnings", () => {
    const result = businessCase(SAMPLE_BUSINESS_CASE);
    expect(result.roi).toBeGreaterThan(0);
    expect(result.npv).toBeGreaterThan(0);
    expect(businessCaseWarnings(SAMPLE_BUSINESS_CASE)).toEqual([]);
  });
});
