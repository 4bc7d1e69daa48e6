/** Bad input answers with the right kind and a message naming the function and the rule. */
import { describe, expect, it } from "vitest";
import {
  adjustedBenefit,
  bcr,
  breakEven,
  discountedPayback,
  irr,
  netBenefit,
  npv,
  payback,
  roi,
  utility,
  xirr,
  xnpv,
} from "../../../core/index";
import { failure } from "./oracle";

describe.each([
  [
    "roi: zero costs, perhaps a blank cell",
    () => roi(100, 0),
    "VALUE",
    /^BUYIN\.ROI: costs must be greater than 0, got 0; a blank cell may reach the function as 0 in some Excel versions$/,
  ],
  ["roi: negative costs", () => roi(100, -5), "VALUE", /^BUYIN\.ROI: costs must be greater than 0, got -5$/],
  ["roi: NaN benefits", () => roi(Number.NaN, 5), "VALUE", /BUYIN\.ROI: benefits must be a finite number/],
  ["bcr: zero costs", () => bcr(1, 0), "VALUE", /^BUYIN\.BCR: costs must be greater than 0, got 0; a blank/],
  [
    "netBenefit: negative costs",
    () => netBenefit(1, -1),
    "VALUE",
    /BUYIN\.NETBENEFIT: costs must be 0 or more/,
  ],
  [
    "adjustedBenefit: a percentage typed as 60",
    () => adjustedBenefit(1000, 60, 0.8),
    "VALUE",
    /BUYIN\.ADJBENEFIT: attribution must be a share from 0 to 1 \(60% is 0\.6\)/,
  ],
  ["adjustedBenefit: negative confidence", () => adjustedBenefit(1000, 0.5, -0.1), "VALUE", /confidence/],
  ["payback: no investment", () => payback([100, 200]), "VALUE", /needs? an investment/],
  [
    "payback: never paid back",
    () => payback([-1000, 100, 100]),
    "NA",
    /never reaches zero within the 3 periods/,
  ],
  ["payback: one flow", () => payback([-1]), "VALUE", /at least 2 values/],
  ["discountedPayback: rate -1", () => discountedPayback(-1, [-1, 2]), "VALUE", /greater than -1/],
  ["discountedPayback: never", () => discountedPayback(0.5, [-100, 60, 60]), "NA", /BUYIN\.DPAYBACK/],
  [
    "breakEven: zero net benefit",
    () => breakEven(100, 0),
    "VALUE",
    /^BUYIN\.BREAKEVEN: net benefit per unit must be greater than 0 \(at 0 no volume breaks even\), got 0; a blank/,
  ],
  ["breakEven: losing units", () => breakEven(100, -2), "VALUE", /each unit loses 2/],
  ["utility: negative people", () => utility(-1, 1, 1, 1, 1), "VALUE", /BUYIN\.UTILITY: n must be 0 or more/],
  ["npv: rate -1", () => npv(-1, [1, 2]), "DIV0", /BUYIN\.NPV: a rate of -1/],
  ["npv: no flows", () => npv(0.1, []), "VALUE", /at least 1 value/],
  [
    "npv: Infinity flow",
    () => npv(0.1, [1, Number.POSITIVE_INFINITY]),
    "VALUE",
    /value 2 must be a finite number/,
  ],
  [
    "irr: no sign change",
    () => irr([100, 200]),
    "NUM",
    /^BUYIN\.IRR: cash flows need at least one negative and one positive value$/,
  ],
  ["irr: guess -1", () => irr([-1, 2], -1), "NUM", /guess must be greater than -1/],
  ["xnpv: count mismatch", () => xnpv(0.1, [-1, 2], [40000]), "NUM", /same count, got 2 and 1/],
  [
    "xnpv: date before start",
    () => xnpv(0.1, [-1, 2], [40000, 39000]),
    "NUM",
    /date 2 is before the first date/,
  ],
  ["xnpv: rate -1", () => xnpv(-1, [-1, 2], [40000, 40100]), "NUM", /greater than -1/],
  ["xirr: invalid date", () => xirr([-1, 2], [40000, -3]), "VALUE", /date 2 is not a valid date/],
  ["xirr: all positive", () => xirr([1, 2], [40000, 40001]), "NUM", /one negative and one positive/],
] as const)("%s", (_label, call, kind, message) => {
  it(`answers ${kind} with a clear message`, () => {
    const error = failure(call);
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(message);
  });
});

describe("overflow is reported, never returned as Infinity", () => {
  it("roi of huge benefits over tiny costs", () => {
    expect(failure(() => roi(1e308, 1e-10)).kind).toBe("NUM");
  });
  it("npv at a rate just above -1 over many periods", () => {
    expect(failure(() => npv(-0.999999, new Array(200).fill(1e10))).kind).toBe("NUM");
  });
});
