import { describe, expect, it } from "vitest";
import { fromFileFormula, toFileFormula } from "../../xlsx/future-functions";

describe("future functions in a file ([MS-XLSX] 2.2.2)", () => {
  it("prefixes post-2007 functions with _xlfn. outside quoted text, and reads them back", () => {
    const formula = 'IF(STDEV.S(A1:A9)=0,"STDEV.S(x)",t.dist.2t(ABS(B1),3)+XSTDEV.S(1)+SUM(A1))';
    const stored = toFileFormula(formula);
    expect(stored).toBe(
      'IF(_xlfn.STDEV.S(A1:A9)=0,"STDEV.S(x)",_xlfn.T.DIST.2T(ABS(B1),3)+XSTDEV.S(1)+SUM(A1))',
    );
    expect(fromFileFormula(stored)).toBe(
      'IF(STDEV.S(A1:A9)=0,"STDEV.S(x)",T.DIST.2T(ABS(B1),3)+XSTDEV.S(1)+SUM(A1))',
    );
  });
});
