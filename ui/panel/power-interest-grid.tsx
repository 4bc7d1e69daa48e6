/**
 * Mendelow's power/interest grid in SVG, worth putting on a slide: interest across, power up, on
 * the workbook's scale with a mark at each score, split at its threshold; one dot per stakeholder
 * coloured by engagement gap (PMBOK: desired − current level), named beside it (shortened where
 * names would collide, see grid-labels.ts), and a legend. Colours and fonts are attributes, not
 * stylesheet rules, so the SVG exported for a slide looks the same on its own.
 */
import { engagementGap, QUADRANT_COLOURS, QUADRANTS, quadrant, type Stakeholder } from "../../core/index";
import { placeLabels, textBox } from "./grid-labels";
import { quadrantClass } from "./quadrant-class";

// About the panel's width at 300 px, so 9 px text shows near 9 px.
const SIZE = { width: 280, left: 28, top: 8, right: 6, plot: 196 };
const HEIGHT = SIZE.top + SIZE.plot + 52;
const INK = { text: "#424242", muted: "#616161", stroke: "#d1d1d1" };
/** Engagement gap classes, with their colours (Fluent's success, warning and danger shades). */
export const GAP_CLASSES = [
  { label: "On track", colour: "#107c10", holds: (gap: number) => gap <= 0 },
  { label: "1 level to go", colour: "#bc4b09", holds: (gap: number) => gap === 1 },
  { label: "2+ to go", colour: "#c50f1f", holds: (gap: number) => gap >= 2 },
] as const;
const QUADRANT_AT = {
  "Keep satisfied": { x: 0, y: 0 },
  "Manage closely": { x: 1, y: 0 },
  Monitor: { x: 0, y: 1 },
  "Keep informed": { x: 1, y: 1 },
} as const;

const gapColour = (person: Stakeholder) => {
  const gap = engagementGap(person.currentEngagement, person.desiredEngagement);
  return (GAP_CLASSES.find((entry) => entry.holds(gap)) ?? GAP_CLASSES[0]).colour;
};

export function PowerInterestGrid({
  people,
  scaleMax,
  threshold,
}: {
  people: readonly Stakeholder[];
  scaleMax: number;
  threshold: number;
}) {
  const plotWidth = SIZE.width - SIZE.left - SIZE.right;
  const bottom = SIZE.top + SIZE.plot;
  const x = (score: number) => SIZE.left + ((score - 0.5) / scaleMax) * plotWidth;
  const y = (score: number) => bottom - ((score - 0.5) / scaleMax) * SIZE.plot;
  // The split sits half a point below the threshold (whole scores): a score equal to it counts as high.
  const split = Math.ceil(threshold) - 0.5;
  const midX = x(split);
  const midY = y(split);
  const scale = { scaleMax, threshold };
  const counts = new Map<string, number>(QUADRANTS.map((name) => [name, 0]));
  const seen = new Map<string, number>();
  const dots = people.map((person) => {
    const name = quadrant(person.power, person.interest, scale);
    counts.set(name, (counts.get(name) ?? 0) + 1);
    const spot = `${person.power}:${person.interest}`;
    const order = seen.get(spot) ?? 0;
    seen.set(spot, order + 1);
    // People on the same scores fan out around the point so none hides.
    const radius = order === 0 ? 0 : 4 + 2 * Math.sqrt(order);
    return {
      person,
      x: x(person.interest) + radius * Math.cos(order * 2.4),
      y: y(person.power) + radius * Math.sin(order * 2.4),
    };
  });
  // The most powerful and interested are named first, so they keep their full names.
  const byWeight = [...dots].sort(
    (a, b) => b.person.power + b.person.interest - (a.person.power + a.person.interest),
  );
  const quadrantLabels = QUADRANTS.map((name) => {
    const at = QUADRANT_AT[name];
    return {
      name,
      text: `${name} (${counts.get(name)})`,
      x: at.x === 0 ? SIZE.left + 4 : midX + 4,
      y: at.y === 0 ? SIZE.top + 11 : midY + 11,
    };
  });
  const labels = placeLabels(
    byWeight.map((dot) => ({ x: dot.x, y: dot.y, name: dot.person.name })),
    { left: SIZE.left, top: SIZE.top, right: SIZE.left + plotWidth, bottom },
    [
      ...quadrantLabels.map((label) => textBox(label.text, label.x, label.y, "start", true)),
      // No name across a split line: a label reaching over it would read as in the next quadrant.
      { left: midX - 1, right: midX + 1, top: SIZE.top, bottom },
      { left: SIZE.left, right: SIZE.left + plotWidth, top: midY - 1, bottom: midY + 1 },
    ],
  );
  const marks = Array.from({ length: scaleMax }, (_, index) => index + 1);
  const text = { "font-size": 9, fill: INK.muted };
  return (
    <figure class="grid-figure">
      <svg
        viewBox={`0 0 ${SIZE.width} ${HEIGHT}`}
        role="img"
        aria-labelledby="grid-title grid-desc"
        class="power-interest-grid"
        data-scale-max={scaleMax}
        font-family="Segoe UI, Roboto, Arial, sans-serif"
      >
        <title id="grid-title">{`Power/interest grid, scores 1 to ${scaleMax}, high from ${threshold}`}</title>
        <desc id="grid-desc">{QUADRANTS.map((name) => `${name} ${counts.get(name)}`).join(", ")}</desc>
        <rect x={0} y={0} width={SIZE.width} height={HEIGHT} fill="#ffffff" />
        {QUADRANTS.map((name) => {
          // Each quadrant in the tint the written map sheet gives its list (QUADRANT_COLOURS).
          const at = QUADRANT_AT[name];
          const left = at.x === 0 ? SIZE.left : midX;
          const top = at.y === 0 ? SIZE.top : midY;
          return (
            <rect
              key={name}
              class={`grid-quadrant ${quadrantClass(name)}-area`}
              x={left}
              y={top}
              width={at.x === 0 ? midX - SIZE.left : SIZE.left + plotWidth - midX}
              height={at.y === 0 ? midY - SIZE.top : bottom - midY}
              fill={QUADRANT_COLOURS[name].tint}
            />
          );
        })}
        <rect
          x={SIZE.left}
          y={SIZE.top}
          width={plotWidth}
          height={SIZE.plot}
          fill="none"
          stroke={INK.stroke}
        />
        <line x1={midX} x2={midX} y1={SIZE.top} y2={bottom} stroke={INK.muted} stroke-dasharray="3 3" />
        <line
          x1={SIZE.left}
          x2={SIZE.left + plotWidth}
          y1={midY}
          y2={midY}
          stroke={INK.muted}
          stroke-dasharray="3 3"
        />
        {marks.map((mark) => [
          <text key={`x${mark}`} x={x(mark)} y={bottom + 11} text-anchor="middle" class="grid-mark" {...text}>
            {mark}
          </text>,
          <text
            key={`y${mark}`}
            x={SIZE.left - 4}
            y={y(mark) + 3}
            text-anchor="end"
            class="grid-mark"
            {...text}
          >
            {mark}
          </text>,
        ])}
        {quadrantLabels.map((label) => (
          <text
            key={label.name}
            x={label.x}
            y={label.y}
            font-size={9}
            font-weight={600}
            fill={QUADRANT_COLOURS[label.name].strong}
          >
            {label.text}
          </text>
        ))}
        <text x={SIZE.left + plotWidth / 2} y={bottom + 23} text-anchor="middle" {...text}>
          Interest →
        </text>
        <text
          x={10}
          y={SIZE.top + SIZE.plot / 2}
          text-anchor="middle"
          transform={`rotate(-90 10 ${SIZE.top + SIZE.plot / 2})`}
          {...text}
        >
          Power →
        </text>
        {dots.map((dot) => (
          <circle
            key={dot.person.id}
            cx={dot.x}
            cy={dot.y}
            r={4.5}
            fill={gapColour(dot.person)}
            stroke="#ffffff"
            data-name={dot.person.name}
          >
            <title>{`${dot.person.name}: power ${dot.person.power}, interest ${dot.person.interest}, ${dot.person.currentEngagement} → ${dot.person.desiredEngagement}`}</title>
          </circle>
        ))}
        {labels.map((label, index) =>
          label ? (
            <text
              key={byWeight[index]?.person.id}
              x={label.x}
              y={label.y}
              text-anchor={label.anchor}
              font-size={9}
              fill={INK.text}
              class="grid-label"
            >
              {label.text}
            </text>
          ) : null,
        )}
        {GAP_CLASSES.map((entry, index) => (
          <g key={entry.label} transform={`translate(${SIZE.left + index * 84} ${HEIGHT - 10})`}>
            <circle cx={4} cy={-3} r={4} fill={entry.colour} />
            <text x={11} y={0} {...text}>
              {entry.label}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
