/** Name labels on the map: beside each dot where they fit, shorter where they would collide, never overlapping. */
import { describe, expect, it } from "vitest";
import { type Label, nameForms, placeLabels } from "../../ui/panel/grid-labels";

const PLOT = { left: 0, top: 0, right: 300, bottom: 200 };
/** The label's box, measured as placeLabels measures it (9 px text, 0.56 em a character). */
function box(label: Label) {
  const width = label.text.length * 9 * 0.56;
  const left =
    label.anchor === "start" ? label.x : label.anchor === "end" ? label.x - width : label.x - width / 2;
  return { left, right: left + width, top: label.y - 8, bottom: label.y + 1 };
}

describe("name labels on the map", () => {
  it("shorten a name to first name and initial, then initials", () => {
    expect(nameForms("Priya Raman")).toEqual(["Priya Raman", "Priya R.", "PR"]);
    expect(nameForms("  Cher ")).toEqual(["Cher", "C"]);
    expect(nameForms("")).toEqual([]);
  });

  it("put a lone name in full to the right of its dot", () => {
    expect(placeLabels([{ x: 50, y: 100, name: "Priya Raman" }], PLOT)).toEqual([
      { text: "Priya Raman", x: 56.5, y: 103.5, anchor: "start" },
    ]);
  });

  it("move a label to the left inside the plot's right edge", () => {
    expect(placeLabels([{ x: 290, y: 100, name: "Priya Raman" }], PLOT)[0]?.anchor).toBe("end");
  });

  it("place crowded names without overlaps, shortening or dropping those that cannot fit", () => {
    const spots = Array.from({ length: 12 }, (_, index) => ({
      x: 150 + (index % 3) * 12,
      y: 100 + Math.floor(index / 3) * 10,
      name: `Person Number${index}`,
    }));
    const labels = placeLabels(spots, PLOT);
    const placed = labels.filter((label): label is Label => label !== undefined);
    const inFull = labels.filter((label, index) => label?.text === `Person Number${index}`);
    expect(inFull.length).toBeGreaterThan(0);
    expect(inFull.length).toBeLessThan(spots.length);
    for (const [index, label] of placed.entries())
      for (const other of placed.slice(index + 1)) {
        const [a, b] = [box(label), box(other)];
        expect(a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom).toBe(false);
      }
  });
});
