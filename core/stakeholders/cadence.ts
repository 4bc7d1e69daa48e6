import { FormulaError } from "../errors";
import { QUADRANTS, type Quadrant } from "./quadrant";

const FN = "BUYIN.CADENCE";

/** Default contact cadence per power/interest strategy. */
export const DEFAULT_CADENCE: Readonly<Record<Quadrant, string>> = {
  "Manage closely": "Weekly",
  "Keep satisfied": "Monthly",
  "Keep informed": "Fortnightly",
  Monitor: "Quarterly",
};

/**
 * Contact cadence for a power/interest strategy: how often the programme should be in touch.
 * Manage closely: weekly; keep informed: fortnightly; keep satisfied: monthly; monitor:
 * quarterly; each overridable.
 *
 * Source: BuyIn's defaults, after the communication guidance attached to Mendelow's grid
 * (e.g. PMI, "PMBOK Guide", 6th ed., §13.2 Plan stakeholder engagement: frequency by
 * stakeholder group).
 *
 * @param strategy a quadrant name, as BUYIN.QUADRANT returns it
 * @param overrides cadence per quadrant, replacing the defaults
 * @example cadence("Keep informed") // "Fortnightly"
 */
export function cadence(strategy: string, overrides?: Partial<Record<Quadrant, string>>): string {
  const wanted = strategy.trim().toLowerCase();
  const match = QUADRANTS.find((name) => name.toLowerCase() === wanted);
  if (!match) {
    throw new FormulaError(
      "VALUE",
      `${FN}: quadrant must be one of ${QUADRANTS.join(", ")}, got "${strategy.slice(0, 40)}"`,
    );
  }
  return overrides?.[match] ?? DEFAULT_CADENCE[match];
}
