import { describe, expect, it } from "vitest";
import {
  cadence,
  championScore,
  concernPlans,
  engagementGap,
  feedbackLogPlans,
  MAP_KIND,
  priority,
  quadrant,
  REGISTER_KIND,
  type ResolvedSheet,
  resolveAll,
  SETTINGS_KIND,
  type SheetPlan,
  type Stakeholder,
  salience,
  stakeholderMap,
} from "../../../core/index";
import { generateStakeholders } from "../../stakeholder-fixtures";

function formulasOf(plan: SheetPlan): string[] {
  const table = plan.table?.columns.flatMap((column) => (column.formula ? [column.formula] : [])) ?? [];
  const blocks = (plan.blocks ?? []).flatMap((block) =>
    (block.formulas ?? []).flat().filter((f): f is string => !!f),
  );
  return [...table, ...blocks];
}

describe("stakeholderMap", () => {
  const plans = stakeholderMap(generateStakeholders(12));

  it("plans the settings, the register and the map, in that order", () => {
    expect(plans.map((plan) => plan.kind)).toEqual([SETTINGS_KIND, REGISTER_KIND, MAP_KIND]);
    expect(plans.map((plan) => plan.title)).toEqual(["BuyIn Settings", "Stakeholders", "Stakeholder Map"]);
  });

  it("writes only portable native formulas: no BUYIN. call anywhere", () => {
    const portable = new Set([
      "IF",
      "OR",
      "AND",
      "COUNT",
      "COUNTIF",
      "IFERROR",
      "MATCH",
      "INDEX",
      "N",
      "NA",
      "CHOOSE",
      "SUMPRODUCT",
      "MAX",
    ]);
    for (const plan of plans) {
      for (const formula of formulasOf(plan)) {
        expect(formula).not.toMatch(/BUYIN[._][A-Z]+\s*\(/i);
        for (const [, name] of formula.matchAll(/([A-Z][A-Z0-9.]*)\(/g)) expect(portable).toContain(name);
      }
    }
  });

  it("gives the register one row per stakeholder, inputs then computed columns, with validations", () => {
    const register = plans[1] as SheetPlan;
    expect(register.table?.rows).toHaveLength(12);
    const headers = register.table?.columns.map((column) => column.header) ?? [];
    expect(headers.slice(0, 3)).toEqual(["ID", "Name", "Role"]);
    expect(headers.slice(-9)).toEqual([
      "Quadrant",
      "Priority",
      "Engagement gap",
      "Cadence",
      "Champion score",
      "Champion",
      "Salience",
      "Latest sentiment",
      "Open concerns",
    ]);
    const power = register.table?.columns.find((column) => column.id === "power");
    expect(power?.validation).toEqual({ min: 1, max: 5, whole: true });
    const current = register.table?.columns.find((column) => column.id === "currentEngagement");
    expect(current?.validation?.list).toEqual(["Unaware", "Resistant", "Neutral", "Supportive", "Leading"]);
    expect(register.freeze).toEqual({ rows: 1, columns: 2 });
  });

  it("resolves against an empty workbook into names that point at the written columns", () => {
    const register = plans[1] as SheetPlan;
    const [resolved] = resolveAll([register], { sheets: [] }, new Map()).sheets as ResolvedSheet[];
    const names = Object.fromEntries((resolved?.names ?? []).map((name) => [name.name, name.reference]));
    expect(names.BuyIn_Map_StakeholderNames).toBe("'Stakeholders'!$B$2:$B$13");
    expect(names.BuyIn_Map_Power).toBe("'Stakeholders'!$E$2:$E$13");
    const quadrantWrite = resolved?.writes.find((write) => write.row === 2 && write.column === 17);
    expect(quadrantWrite?.cells[0]?.[0]).toBe(
      '=IF(OR(E2="",F2=""),"",IF(E2>=BuyIn_Map_Threshold,IF(F2>=BuyIn_Map_Threshold,"Manage closely","Keep satisfied"),IF(F2>=BuyIn_Map_Threshold,"Keep informed","Monitor")))',
    );
  });

  it("names every range with the module prefix, each with the name it had before, and uses only declared names", () => {
    const names = plans.flatMap((plan) => plan.names ?? []);
    expect(names.map((name) => name.name).sort()).toEqual(
      [
        "CadenceQuadrants",
        "CadenceValues",
        "ChampionScores",
        "ChampionThreshold",
        "Champions",
        "DesiredEngagement",
        "Ids",
        "Interest",
        "Levels",
        "Power",
        "Quadrants",
        "ScaleMax",
        "StakeholderNames",
        "Threshold",
        "WeightInfluence",
        "WeightInterest",
        "WeightPower",
      ].map((suffix) => `BuyIn_Map_${suffix}`),
    );
    for (const name of names) expect(name.formerly).toEqual([name.name.replace("BuyIn_Map_", "BuyIn_")]);
    // The feedback log's and the concern register's names, which the Stakeholders sheet reads.
    const read = [...feedbackLogPlans([]), ...concernPlans([])].flatMap((plan) => plan.names ?? []);
    const declared = new Set([...names, ...read].map((name) => name.name));
    for (const formula of plans.flatMap(formulasOf)) {
      for (const [used] of formula.matchAll(/BuyIn_\w+/g)) expect(declared).toContain(used);
      expect(formula).not.toMatch(/\{name:/);
    }
  });

  it("carries each row's kernel values for the computed columns, blank where an input is blank", () => {
    const [person] = generateStakeholders(1);
    const partial = { ...(person as Stakeholder), legitimacy: undefined, urgency: 5 };
    const register = stakeholderMap([person as Stakeholder, partial], { threshold: 4 })[1] as SheetPlan;
    const [full, blank] = register.table?.rows ?? [];
    const p = person as Stakeholder;
    expect(full?.expected).toEqual({
      quadrant: quadrant(p.power, p.interest, { threshold: 4 }),
      priority: priority([p.power, p.interest, p.influence]),
      engagementGap: engagementGap(p.currentEngagement, p.desiredEngagement),
      cadence: cadence(quadrant(p.power, p.interest, { threshold: 4 })),
      championScore: championScore(p.interest, p.influence, p.currentEngagement),
      champion: championScore(p.interest, p.influence, p.currentEngagement) >= 0.75 ? "Champion" : "",
      salience: salience(p.power, p.legitimacy as number, p.urgency as number, { threshold: 4 }),
      // No feedback log and no concerns given: no sentiment, none open.
      latestSentiment: "",
      openConcerns: 0,
    });
    expect(blank?.expected?.salience).toBe("");
    // A record off the scale has no expected value for the columns whose kernel refuses it.
    const off = stakeholderMap([{ ...p, power: 9 }])[1]?.table?.rows[0]?.expected;
    expect(off).not.toHaveProperty("quadrant");
    expect(off?.engagementGap).toBe(engagementGap(p.currentEngagement, p.desiredEngagement));
  });

  it("lays the map out as a coloured 2×2, each band as tall as its fuller quadrant plus two, capped with a count of the rest", () => {
    const people = generateStakeholders(120);
    const count = (name: string) => people.filter((p) => quadrant(p.power, p.interest) === name).length;
    const small = stakeholderMap(people, { mapLimit: 200 })[2] as SheetPlan;
    const top = Math.max(count("Keep satisfied"), count("Manage closely")) + 2;
    const bottom = Math.max(count("Monitor"), count("Keep informed")) + 2;
    const at = (where: string) => small.blocks?.find((block) => block.at === where);
    // Headings in the quadrant's strong colour over its list in the tint, as the panel's grid.
    expect(at("B4")).toMatchObject({ values: [["Keep satisfied"]], role: "header", fill: "#A33E00" });
    expect(at("C4")).toMatchObject({ values: [["Manage closely"]], fill: "#C50F1F" });
    expect(at("B5")).toMatchObject({ fill: "#FBE9DD" });
    expect(at("B5")?.formulas).toHaveLength(top + 1);
    expect(at(`B${5 + top + 1}`)).toMatchObject({ values: [["Monitor"]], fill: "#616161" });
    expect(at(`C${5 + top + 1}`)).toMatchObject({ values: [["Keep informed"]], fill: "#0F6CBD" });
    expect(at(`C${5 + top + 2}`)).toMatchObject({ fill: "#EBF3FC" });
    expect(at(`C${5 + top + 2}`)?.formulas).toHaveLength(bottom + 1);
    expect(at(`B${5 + top + 2 + bottom + 1}`)?.values).toEqual([["Low interest →", "High interest →"]]);

    const big = stakeholderMap(people, { mapLimit: 10 })[2] as SheetPlan;
    const list = big.blocks?.find((block) => block.at === "B5");
    expect(list?.formulas).toHaveLength(11);
    // "Keep satisfied" is the second running count (column J); its last row holds the total.
    expect(list?.formulas?.[9]?.[0]).toBe(
      '=IF($J$124<10,"",INDEX($E$5:$E$124,IFERROR(MATCH(9,$J$5:$J$124,1),0)+1))',
    );
    expect(list?.formulas?.[10]?.[0]).toBe('=IF($J$124>10,"… and "&($J$124-10)&" more","")');
    expect(big.charts?.[0]).toMatchObject({ type: "scatter", x: "F5:F124", y: "G5:G124", labels: "E5:E124" });
  });

  it("keeps the map's cost linear: each running count reads only the row above", () => {
    const map = stakeholderMap(generateStakeholders(120))[2] as SheetPlan;
    const people = map.blocks?.find((block) => block.at === "E5");
    const formulas = people?.formulas ?? [];
    expect(formulas).toHaveLength(120);
    formulas.forEach((row, index) => {
      const sheetRow = 5 + index;
      for (const [q, column] of ["I", "J", "K", "L"].entries()) {
        expect(row[4 + q]).toMatch(
          new RegExp(`^=N\\(${column}${sheetRow - 1}\\)\\+\\(H${sheetRow}="[A-Za-z ]+"\\)$`),
        );
      }
      // No formula in the block spans a range that grows with the rows above it.
      for (const formula of row) expect(formula).not.toMatch(/COUNTIF|\$\d+:/);
    });
  });
});
