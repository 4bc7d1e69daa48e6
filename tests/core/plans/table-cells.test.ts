import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contentFingerprint } from "../../../core/plans/fingerprint";
import { compileFormula, expandFormula } from "../../../core/plans/table-cells";

const columns = new Map([
  ["power", 5],
  ["interest", 6],
  ["name", 28],
]);

describe("compileFormula", () => {
  // A template with what canonicalizing changes (spaces, lower case, quotes around a sheet name)
  // and what it must not (text inside double quotes, which may itself hold "{row}").
  const template =
    '=if(or({col:power}{row}="", \'My sheet\'!{col:interest}{row}=""),"Row {row}: x y",sum({col:name}{first}:{col:name}{last}))';

  it("writes at every row what expandFormula writes there, with the same fingerprint", () => {
    const atRow = compileFormula(template, 2, 40, columns);
    for (const row of [2, 3, 9, 10, 99, 100, 10_001]) {
      const expanded = expandFormula(template, row, 2, 40, columns);
      expect(atRow(row)).toEqual({ input: expanded, print: contentFingerprint(null, expanded) });
    }
    expect(atRow(7).input).toBe('=if(or(E7="", \'My sheet\'!F7=""),"Row 7: x y",sum(AB2:AB40))');
  });

  it("agrees with expandFormula for any template and row", () => {
    const piece = fc.constantFrom(
      "{row}",
      "{col:power}",
      "{first}",
      "{last}",
      '"',
      " ",
      "a",
      "B",
      "'",
      "(",
      "1",
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }),
        fc.integer({ min: 1, max: 1_048_576 }),
        (pieces, row) => {
          const text = `=${pieces.join("")}`;
          const expanded = expandFormula(text, row, 2, 9, columns);
          expect(compileFormula(text, 2, 9, columns)(row)).toEqual({
            input: expanded,
            print: contentFingerprint(null, expanded),
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});
