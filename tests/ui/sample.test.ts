/** The preview's embedded sample is a valid register that shows every computed column. */
import { describe, expect, it } from "vitest";
import { StakeholderSchema, salience } from "../../core/index";
import { SAMPLE_STAKEHOLDERS } from "../../ui/preview/sample";

describe("the preview's sample stakeholders", () => {
  it("are valid records with unique ids", () => {
    for (const person of SAMPLE_STAKEHOLDERS) expect(StakeholderSchema.safeParse(person).success).toBe(true);
    expect(new Set(SAMPLE_STAKEHOLDERS.map((person) => person.id)).size).toBe(SAMPLE_STAKEHOLDERS.length);
  });

  it("score legitimacy and urgency for everyone, so the Salience column is never blank, across several classes", () => {
    const classes = SAMPLE_STAKEHOLDERS.map((person) =>
      salience(person.power, person.legitimacy as number, person.urgency as number),
    );
    expect(new Set(classes).size).toBeGreaterThanOrEqual(5);
  });
});
