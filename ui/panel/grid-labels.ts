/**
 * Name labels for the dots of a chart: each person gets their full name beside their dot where it
 * fits, else a shorter form ("Priya R.", then "PR"), else none (the dot's tooltip still names
 * them). A label fits when it stays inside the plot and overlaps no label placed before it and no
 * dot. Greedy, in the order given: callers put the people who matter most first.
 */
export interface Spot {
  readonly x: number;
  readonly y: number;
  readonly name: string;
}

export interface Label {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly anchor: "start" | "end" | "middle";
}

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** Font metrics of the labels: size in px, and the average character width as a share of it. */
const FONT = { size: 9, width: 0.56 };
const DOT = 4.5;
const GAP = 2;

/** A name's forms, longest first: "Priya Raman", "Priya R.", "PR". */
export function nameForms(name: string): string[] {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const forms = [words.join(" ")];
  if (words.length > 1) forms.push(`${words[0]} ${(words[words.length - 1] as string)[0]}.`);
  forms.push(words.map((word) => word[0]?.toUpperCase()).join(""));
  return [...new Set(forms)];
}

const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The box of `text` drawn from (x, baseline y) with the given anchor, at the labels' font. */
export function textBox(
  text: string,
  x: number,
  y: number,
  anchor: Label["anchor"] = "start",
  bold = false,
): Box {
  const width = text.length * FONT.size * (bold ? FONT.width + 0.06 : FONT.width);
  const left = anchor === "start" ? x : anchor === "end" ? x - width : x - width / 2;
  return { left, right: left + width, top: y - FONT.size + 1, bottom: y + 1 };
}

/** Labels for `spots`, inside `plot`, clear of each other, of every dot, and of `obstacles` (other text). */
export function placeLabels(
  spots: readonly Spot[],
  plot: Box,
  obstacles: readonly Box[] = [],
): (Label | undefined)[] {
  const taken: Box[] = [
    ...obstacles,
    ...spots.map((spot) => ({
      left: spot.x - DOT,
      right: spot.x + DOT,
      top: spot.y - DOT,
      bottom: spot.y + DOT,
    })),
  ];
  return spots.map((spot) => {
    for (const text of nameForms(spot.name)) {
      const width = text.length * FONT.size * FONT.width;
      const half = FONT.size / 2;
      const candidates: (Label & { box: Box })[] = [
        {
          text,
          x: spot.x + DOT + GAP,
          y: spot.y + half - 1,
          anchor: "start",
          box: {
            left: spot.x + DOT + GAP,
            right: spot.x + DOT + GAP + width,
            top: spot.y - half,
            bottom: spot.y + half,
          },
        },
        {
          text,
          x: spot.x - DOT - GAP,
          y: spot.y + half - 1,
          anchor: "end",
          box: {
            left: spot.x - DOT - GAP - width,
            right: spot.x - DOT - GAP,
            top: spot.y - half,
            bottom: spot.y + half,
          },
        },
        {
          text,
          x: spot.x,
          y: spot.y - DOT - GAP - 1,
          anchor: "middle",
          box: {
            left: spot.x - width / 2,
            right: spot.x + width / 2,
            top: spot.y - DOT - GAP - FONT.size,
            bottom: spot.y - DOT - GAP,
          },
        },
        {
          text,
          x: spot.x,
          y: spot.y + DOT + GAP + FONT.size - 1,
          anchor: "middle",
          box: {
            left: spot.x - width / 2,
            right: spot.x + width / 2,
            top: spot.y + DOT + GAP,
            bottom: spot.y + DOT + GAP + FONT.size,
          },
        },
      ];
      for (const { box, ...label } of candidates) {
        const inside =
          box.left >= plot.left &&
          box.right <= plot.right &&
          box.top >= plot.top &&
          box.bottom <= plot.bottom;
        if (inside && !taken.some((other) => overlaps(box, other))) {
          taken.push(box);
          return label;
        }
      }
    }
    return undefined;
  });
}
