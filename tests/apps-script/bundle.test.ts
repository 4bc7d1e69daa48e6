/**
 * The built Apps Script file, dist/apps-script/buyin.js, loaded into a vm as Apps Script loads a
 * project file (one global scope), and every generated `BUYIN_*` custom function called the way
 * Sheets calls it: a single cell as a value ("" when blank, a Date for a date cell), a range as
 * rows of values, omitted arguments missing.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { catalog, exampleArguments, sheetsName } from "../../core/index";
import { expectAnswer, liftedExampleArguments } from "../examples";
import { ruleBreakingCalls } from "../rule-breaking";

const dist = join(import.meta.dirname, "../../dist/apps-script");
const source = readFileSync(join(dist, "buyin.js"), "utf8");
let context: vm.Context;
/** What the fake Apps Script UI was asked to do. */
const ui = {
  menus: [] as { title: string; items: [string, string][] }[],
  sidebars: [] as { file: string; title: string }[],
};

/** Just the Apps Script services the entry points touch, faked. */
function fakeServices() {
  return {
    SpreadsheetApp: {
      getActiveSpreadsheet: () => ({ getSpreadsheetTimeZone: () => "Asia/Tokyo" }),
      getUi: () => ({
        createAddonMenu: () => {
          const menu = { title: "BuyIn", items: [] as [string, string][] };
          return {
            addItem(label: string, functionName: string) {
              menu.items.push([label, functionName]);
              return this;
            },
            addToUi: () => ui.menus.push(menu),
          };
        },
        showSidebar: (output: { file: string; title: string }) => ui.sidebars.push(output),
      }),
    },
    // HtmlService reads the project's file (the build's dist/apps-script/<file>.html, which clasp
    // pushes), and getContent returns it as written
    // (developers.google.com/apps-script/reference/html/html-output#getContent()).
    HtmlService: {
      createHtmlOutputFromFile: (file: string) => ({
        file,
        title: "",
        getContent: () => readFileSync(join(dist, `${file}.html`), "utf8"),
        setTitle(title: string) {
          this.title = title;
          return this;
        },
      }),
    },
  };
}

beforeAll(() => {
  context = vm.createContext(fakeServices());
  vm.runInContext(source, context, { filename: "buyin.js" });
});

function call(name: string, ...args: unknown[]): unknown {
  const fn = (context as Record<string, unknown>)[name];
  if (typeof fn !== "function") throw new Error(`${name} is not a global function`);
  return fn(...args);
}

describe("dist/apps-script/buyin.js", () => {
  it("declares every catalog function as a global with @customfunction JSDoc", () => {
    for (const spec of catalog) {
      const name = sheetsName(spec);
      expect(typeof (context as Record<string, unknown>)[name]).toBe("function");
      const declaration = source.indexOf(`function ${name}(`);
      const doc = source.slice(source.lastIndexOf("/**", declaration), declaration);
      expect(doc).toContain(spec.summary);
      expect(doc).toContain("@customfunction");
      expect(doc).toContain(`Example: =${name}(`);
      for (const parameter of spec.parameters)
        expect(doc).toMatch(new RegExp(`@param \\{[^}]+\\} \\[?${parameter.name}\\]? `));
    }
  });

  it("ships appsscript.json for the V8 runtime with the two narrowest scopes it needs", () => {
    const manifest = JSON.parse(readFileSync(join(dist, "appsscript.json"), "utf8"));
    expect(manifest.runtimeVersion).toBe("V8");
    // This spreadsheet only (not all of the user's), and the menu and sidebar.
    expect(manifest.oauthScopes).toEqual([
      "https://www.googleapis.com/auth/spreadsheets.currentonly",
      "https://www.googleapis.com/auth/script.container.ui",
    ]);
  });

  it.each(catalog.map((spec) => [spec.id, spec] as const))(
    "%s: the example with single cells",
    (_id, spec) => {
      // Sheets passes a single cell as its value, a range as rows.
      const args = exampleArguments(spec).map((grid) =>
        grid.length === 1 && grid[0]?.length === 1 ? grid[0][0] : grid,
      );
      expectAnswer(call(sheetsName(spec), ...args), spec.example.value);
    },
  );

  it.each(catalog.map((spec) => [spec.id, spec] as const))(
    "%s: over a range with a blank row",
    (_id, spec) => {
      const args = liftedExampleArguments(spec, "");
      if (!args) return;
      const result = call(sheetsName(spec), ...args) as unknown[][];
      expect(result.map((row) => row.length)).toEqual([1, 1, 1]);
      expectAnswer(result[0]?.[0], spec.example.value);
      expect(result[1]?.[0]).toBe("");
      expectAnswer(result[2]?.[0], spec.example.value);
    },
  );

  it("throws a single failing answer as an Error whose message starts with the error text", () => {
    expect(() => call("BUYIN_ROI", 100, 0)).toThrow(
      /^#VALUE! BUYIN\.ROI: costs must be greater than 0, got 0; a blank cell may reach the function as 0 in some Excel versions$/,
    );
    expect(() => call("BUYIN_ROI", 100)).toThrow(/^#VALUE! BUYIN\.ROI: costs is required$/);
    expect(() => call("BUYIN_PAYBACK", [[-10], [1]])).toThrow(
      /^#N\/A BUYIN\.PAYBACK: the cumulative cash flow never/,
    );
  });

  it("shows a failing row of a range as its error text, keeping the other rows", () => {
    const result = call("BUYIN_BCR", [[200], ["lots"], [1e308]], [[100], [100], [1e-10]]);
    expect(result).toEqual([[2], ["#VALUE!"], ["#NUM!"]]);
  });

  it("reads date cells as the day they show in the spreadsheet's time zone", () => {
    // Sheets hands 2008-01-01 in a Tokyo spreadsheet as the instant 2007-12-31 15:00 UTC.
    const date = vm.runInContext("new Date(Date.UTC(2007, 11, 31, 15))", context);
    // A date in an amount's place is its serial number, as in Sheets arithmetic: 2008-01-01 is 39448.
    expect(call("BUYIN_NETBENEFIT", date, 448)).toBe(39000);
    expect(call("BUYIN_NETBENEFIT", [[date], [date]], 448)).toEqual([[39000], [39000]]);
  });

  it("refuses extra arguments, which Sheets hands over and Excel refuses when typed", () => {
    expect(() => call("BUYIN_ROI", 250000, 100000, 7)).toThrow(
      /^#VALUE! BUYIN\.ROI: takes at most 2 arguments \(benefits, costs\), got 3$/,
    );
    expect(() => call("BUYIN_CADENCE", "Monitor", "")).toThrow(
      /^#VALUE! BUYIN\.CADENCE: takes at most 1 argument/,
    );
  });

  it("answers an invalid Date with #VALUE! and a message, not an uncaught RangeError", () => {
    const invalid = vm.runInContext("new Date(NaN)", context);
    expect(() => call("BUYIN_NETBENEFIT", invalid, 0)).toThrow(
      /^#VALUE! BUYIN\.NETBENEFIT: benefits is an invalid date; enter a date the calendar has$/,
    );
    expect(call("BUYIN_NETBENEFIT", [[invalid], [448]], 0)).toEqual([["#VALUE!"], [448]]);
  });

  it("reads a date in years 0–99 as that year, not 19xx", () => {
    // Custom functions receive date cells as JavaScript Date objects (Apps Script, "Custom
    // Functions in Google Sheets", Data types). new Date(y, …) and Date.UTC map years 0–99 to
    // 1900–1999 (MDN, "Date.UTC()"). 03:00 UTC is midday in Tokyo, in local mean time or JST.
    const yearFifty = vm.runInContext(
      "const d = new Date(0); d.setUTCFullYear(50, 0, 1); d.setUTCHours(3); d",
      context,
    );
    // (date(50, 1, 1) - date(1899, 12, 30)).days == -675696, by Python's proleptic Gregorian datetime.
    expect(Math.floor(call("BUYIN_NETBENEFIT", yearFifty, 0) as number)).toBe(-675696);
  });

  it("refuses the hostile cells issue 7 found, each with a message", () => {
    expect(call("BUYIN_NETBENEFIT", "(5)", 0)).toBe(-5);
    expect(() => call("BUYIN_NETBENEFIT", "(-5)", 0)).toThrow(
      /^#VALUE! BUYIN\.NETBENEFIT: benefits must be a number, got the text "\(-5\)"$/,
    );
    expect(() => call("BUYIN_ENGAGEGAP", "300%", "Leading")).toThrow(
      /^#VALUE! BUYIN\.ENGAGEGAP: current must be an engagement level .*, got the text "300%"$/,
    );
    expect(() => call("BUYIN_CADENCE", 3)).toThrow(
      /^#VALUE! BUYIN\.CADENCE: quadrant must be a quadrant name \(Manage closely, Keep satisfied, Keep informed, Monitor\), got the number 3$/,
    );
    // Sheets hands blank cells of a range as "".
    expect(call("BUYIN_PRIORITY", [[5, 3, 4]], [[""], [""], [""]])).toBe(4);
  });

  it.each(catalog.map((spec) => [spec.id, spec] as const))(
    "%s: every input its parameters' rules exclude throws #VALUE! naming the function",
    (_id, spec) => {
      fc.assert(
        fc.property(ruleBreakingCalls(spec), ({ args }) => {
          // As Sheets passes them: a single cell as its value, blanks as "".
          const sheetsArgs = args.map((grid) => {
            const cells = grid?.map((row) => row.map((cell) => cell ?? ""));
            return cells && cells.length === 1 && cells[0]?.length === 1 ? cells[0][0] : cells;
          });
          expect(() => call(sheetsName(spec), ...sheetsArgs)).toThrow(
            new RegExp(`^#VALUE! ${spec.id.replace(".", "\\.")}: `),
          );
        }),
        { numRuns: 60 },
      );
    },
  );

  it("declares the add-on's entry points as top-level functions", () => {
    for (const name of [
      "onOpen",
      "onInstall",
      "showSidebar",
      "buyinApplyAll",
      "buyinReadTable",
      "buyinReadSelection",
      "buyinScreensOnUse",
    ]) {
      expect(typeof (context as Record<string, unknown>)[name]).toBe("function");
      expect(source).toMatch(new RegExp(`^function ${name}\\(`, "m"));
    }
  });

  it("adds the Open BuyIn menu on open, even in AuthMode.NONE, and on install; opens the sidebar", () => {
    call("onOpen", { authMode: "NONE" });
    call("onInstall", { authMode: "FULL" });
    expect(ui.menus).toEqual([
      { title: "BuyIn", items: [["Open BuyIn", "showSidebar"]] },
      { title: "BuyIn", items: [["Open BuyIn", "showSidebar"]] },
    ]);
    call("showSidebar");
    expect(ui.sidebars).toMatchObject([{ file: "Sidebar", title: "BuyIn" }]);
  });

  it("hands the sidebar the screens it loads on use as text, code Sidebar.html does not carry", () => {
    const code = call("buyinScreensOnUse") as string;
    expect(code).toBe(readFileSync(join(dist, "ScreensOnUse.html"), "utf8"));
    expect(code).toContain("BuyInScreensOnUse");
    const sidebar = readFileSync(join(dist, "Sidebar.html"), "utf8");
    // The KPI screen's write button is in the screens loaded on use, never in the sidebar's start.
    expect(code).toContain("Create the next report");
    expect(sidebar).not.toContain("Create the next report");
  });
});
