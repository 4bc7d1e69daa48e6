/**
 * A KPI's actuals as a small inline SVG line, oldest period left: gaps (periods not yet measured)
 * break nothing, the points measured are joined in order. Decorative: the row beside it says the
 * latest value and the target in words.
 */

const WIDTH = 56;
const HEIGHT = 18;
const PAD = 2;

/** The polyline's points for these values (undefined: not measured), scaled to the box; "" below two values. */
export function sparklinePoints(values: readonly (number | undefined)[]): string {
  const measured = values
    .map((value, index) => ({ index, value }))
    .filter((point): point is { index: number; value: number } => point.value !== undefined);
  if (measured.length < 2) return "";
  const low = Math.min(...measured.map((point) => point.value));
  const high = Math.max(...measured.map((point) => point.value));
  const span = high - low;
  const step = values.length > 1 ? (WIDTH - 2 * PAD) / (values.length - 1) : 0;
  return measured
    .map(({ index, value }) => {
      // A flat series is drawn across the middle.
      const y = span === 0 ? HEIGHT / 2 : HEIGHT - PAD - ((value - low) / span) * (HEIGHT - 2 * PAD);
      return `${(PAD + index * step).toFixed(1)},${y.toFixed(1)}`;
    })
    .join(" ");
}

export function Sparkline({ values }: { values: readonly (number | undefined)[] }) {
  const points = sparklinePoints(values);
  return (
    <svg
      class="sparkline"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      aria-hidden="true"
      focusable="false"
    >
      {points ? (
        <polyline points={points} />
      ) : (
        <line x1={PAD} y1={HEIGHT / 2} x2={WIDTH - PAD} y2={HEIGHT / 2} />
      )}
    </svg>
  );
}
