/**
 * NPV, IRR, XNPV and XIRR against LibreOffice Calc, a real spreadsheet engine, on 200 cases
 * (Excel's documentation examples, random and adversarial flows). The fixture holds
 * LibreOffice's doubles bit for bit; tools/reference/libreoffice-reference.mjs regenerates it.
 *
 * Where LibreOffice converges, BuyIn agrees to 1e-9 relative. Where it gives Err:523 (Newton
 * did not converge in 20 steps), BuyIn must do better: return a root, or #NUM! only when the
 * flows have no root. Where LibreOffice departs from Excel's documented rules (it accepts a date
 * before the first date, which Excel answers with #NUM!), BuyIn follows Excel.
 */
import { describe, expect, it } from "vitest";
import { FormulaError, irr, npv, xirr, xnpv } from "../../../core/index";
import reference from "./fixtures/libreoffice.json";
import { expectRoot, periods, scanFindsRoot } from "./oracle";

interface Case {
  name: string;
  rate?: number;
  values: number[];
  dates?: number[];
  guess?: number;
  expected?: number;
  error?: string;
}

function relativeDifference(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
}

function expectAgreement(actual: number, expected: number) {
  // A rate of return that is zero to within rounding has no relative digits to compare.
  if (Math.abs(expected) < 1e-12) expect(Math.abs(actual)).toBeLessThan(1e-9);
  else expect(relativeDifference(actual, expected)).toBeLessThanOrEqual(1e-9);
}

function outcome(call: () => number): number | FormulaError {
  try {
    return call();
  } catch (error) {
    if (error instanceof FormulaError) return error;
    throw error;
  }
}

const converged = (cases: Case[]) => cases.filter((entry) => entry.expected !== undefined);
const failed = (cases: Case[]) => cases.filter((entry) => entry.error !== undefined);

describe(`against ${reference.source}`, () => {
  it.each(converged(reference.npv as Case[]).map((entry) => [entry.name, entry] as const))(
    "NPV: %s",
    (_name, entry) => {
      expectAgreement(npv(entry.rate as number, entry.values), entry.expected as number);
    },
  );

  it.each(converged(reference.irr as Case[]).map((entry) => [entry.name, entry] as const))(
    "IRR: %s",
    (_name, entry) => {
      expectAgreement(irr(entry.values, entry.guess), entry.expected as number);
    },
  );

  it.each(failed(reference.irr as Case[]).map((entry) => [entry.name, entry] as const))(
    "IRR where LibreOffice gives %s: a root, or #NUM! for flows without one",
    (_name, entry) => {
      const result = outcome(() => irr(entry.values, entry.guess));
      const years = periods(entry.values.length);
      if (result instanceof FormulaError) {
        expect(result.kind === "NUM" || result.kind === "VALUE").toBe(true);
        // All-zero flows make every rate a root; like Excel, they have no IRR to report.
        const allZero = entry.values.every((value) => value === 0);
        expect(allZero || !scanFindsRoot(entry.values, years)).toBe(true);
      } else expectRoot(result, entry.values, years);
    },
  );

  const excelOnly = (entry: Case) => entry.name.includes("before the first date");

  it.each(
    converged(reference.xnpv as Case[])
      .filter((entry) => !excelOnly(entry))
      .map((entry) => [entry.name, entry] as const),
  )("XNPV: %s", (_name, entry) => {
    expectAgreement(
      xnpv(entry.rate as number, entry.values, entry.dates as number[]),
      entry.expected as number,
    );
  });

  it.each(
    converged(reference.xirr as Case[])
      .filter((entry) => !excelOnly(entry))
      .map((entry) => [entry.name, entry] as const),
  )("XIRR: %s", (_name, entry) => {
    expectAgreement(xirr(entry.values, entry.dates as number[], entry.guess), entry.expected as number);
  });

  it.each(
    [...failed(reference.xnpv as Case[]), ...failed(reference.xirr as Case[])].map(
      (entry) => [entry.name, entry] as const,
    ),
  )("XNPV/XIRR where LibreOffice gives an error (%s): #NUM! too", (_name, entry) => {
    const result =
      entry.rate !== undefined
        ? outcome(() => xnpv(entry.rate as number, entry.values, entry.dates as number[]))
        : outcome(() => xirr(entry.values, entry.dates as number[], entry.guess));
    expect(result).toBeInstanceOf(FormulaError);
    expect((result as FormulaError).kind).toBe("NUM");
  });

  it("follows Excel, not LibreOffice, for a date before the first date: #NUM!", () => {
    for (const entry of [...(reference.xnpv as Case[]), ...(reference.xirr as Case[])].filter(excelOnly)) {
      const result =
        entry.rate !== undefined
          ? outcome(() => xnpv(entry.rate as number, entry.values, entry.dates as number[]))
          : outcome(() => xirr(entry.values, entry.dates as number[], entry.guess));
      expect((result as FormulaError).kind).toBe("NUM");
    }
  });
});
