/**
 * Mendelow's power/interest grid in SVG: interest across, power up, one dot per stakeholder,
 * redrawn as scores change. People on the same scores fan out around the point so none hides.
 */
import { quadrant, type Stakeholder } from "../../core/index";

const SIZE = { width: 320, height: 240, margin: 34 };
const QUADRANT_LABELS = [
  { text: "Keep satisfied", x: 0, y: 0 },
  { text: "Manage closely", x: 1, y: 0 },
  { text: "Monitor", x: 0, y: 1 },
  { text: "Keep informed", x: 1, y: 1 },
];

export function PowerInterestGrid({
  people,
  scaleMax,
}: {
  people: readonly Stakeholder[];
  scaleMax: number;
}) {
  const plotWidth = SIZE.width - SIZE.margin - 8;
  const plotHeight = SIZE.height - SIZE.margin - 8;
  const x = (score: number) => SIZE.margin + ((score - 0.5) / scaleMax) * plotWidth;
  const y = (score: number) => 8 + plotHeight - ((score - 0.5) / scaleMax) * plotHeight;
  // The split sits half a point below the threshold: a score equal to it counts as high.
  const threshold = (1 + scaleMax) / 2;
  const midX = x(threshold - 0.5);
  const midY = y(threshold - 0.5);
  const seen = new Map<string, number>();
  const counts = { "Manage closely": 0, "Keep satisfied": 0, "Keep informed": 0, Monitor: 0 } as Record<
    string,
    number
  >;
  for (const person of people) {
    const name = quadrant(person.power, person.interest, { scaleMax });
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return (
    <figure class="grid-figure">
      <svg
        viewBox={`0 0 ${SIZE.width} ${SIZE.height}`}
        role="img"
        aria-labelledby="grid-title grid-desc"
        class="power-interest-grid"
      >
        <title id="grid-title">Power/interest grid</title>
        <desc id="grid-desc">
          {`Manage closely ${counts["Manage closely"]}, keep satisfied ${counts["Keep satisfied"]}, keep informed ${counts["Keep informed"]}, monitor ${counts.Monitor}.`}
        </desc>
        <rect x={SIZE.margin} y={8} width={plotWidth} height={plotHeight} class="grid-frame" />
        <line x1={midX} x2={midX} y1={8} y2={8 + plotHeight} class="grid-divider" />
        <line x1={SIZE.margin} x2={SIZE.margin + plotWidth} y1={midY} y2={midY} class="grid-divider" />
        {QUADRANT_LABELS.map((label) => (
          <text
            key={label.text}
            x={label.x === 0 ? SIZE.margin + 4 : midX + 4}
            y={label.y === 0 ? 20 : midY + 12}
            class="grid-quadrant"
          >
            {`${label.text} (${counts[label.text]})`}
          </text>
        ))}
        <text x={SIZE.margin + plotWidth / 2} y={SIZE.height - 6} class="grid-axis" text-anchor="middle">
          Interest →
        </text>
        <text
          x={12}
          y={8 + plotHeight / 2}
          class="grid-axis"
          text-anchor="middle"
          transform={`rotate(-90 12 ${8 + plotHeight / 2})`}
        >
          Power →
        </text>
        {people.map((person) => {
          const spot = `${person.power}:${person.interest}`;
          const order = seen.get(spot) ?? 0;
          seen.set(spot, order + 1);
          const angle = order * 2.4;
          const radius = order === 0 ? 0 : 4 + 2 * Math.sqrt(order);
          return (
            <circle
              key={person.id}
              cx={x(person.interest) + radius * Math.cos(angle)}
              cy={y(person.power) + radius * Math.sin(angle)}
              r={4.5}
              class={`grid-dot quadrant-${quadrant(person.power, person.interest, { scaleMax }).replace(" ", "-").toLowerCase()}`}
            >
              <title>{`${person.name}: power ${person.power}, interest ${person.interest}`}</title>
            </circle>
          );
        })}
      </svg>
    </figure>
  );
}
