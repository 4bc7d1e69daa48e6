/** The quadrants look the same everywhere: the panel's chips and grid, and the written map sheet. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { QUADRANT_COLOURS } from "../../core/index";
import { quadrantClass } from "../../ui/panel/quadrant-class";

describe("quadrant colours", () => {
  const css = readFileSync(new URL("../../ui/panel/styles.css", import.meta.url), "utf8");

  it("give each chip of the register list the strong colour the map sheet's heading has", () => {
    for (const [name, colours] of Object.entries(QUADRANT_COLOURS)) {
      const rule = new RegExp(`\\.${quadrantClass(name)}\\s*\\{\\s*background:\\s*(#[0-9a-f]{6})`, "i").exec(
        css,
      );
      expect(rule?.[1]?.toUpperCase(), name).toBe(colours.strong);
    }
  });

  it("are AA-readable: white on each strong colour, each strong colour on its tint (4.5:1)", () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((at) => {
        const channel = Number.parseInt(hex.slice(at, at + 2), 16) / 255;
        return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    // WCAG 2.1, "contrast ratio": (L1 + 0.05) / (L2 + 0.05), L1 the lighter.
    const ratio = (a: string, b: string) => {
      const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
      return (light + 0.05) / (dark + 0.05);
    };
    for (const [name, { strong, tint }] of Object.entries(QUADRANT_COLOURS)) {
      expect(ratio("#FFFFFF", strong), name).toBeGreaterThanOrEqual(4.5);
      expect(ratio(tint, strong), name).toBeGreaterThanOrEqual(4.5);
      expect(ratio(tint, "#242424"), name).toBeGreaterThanOrEqual(4.5);
    }
  });
});
