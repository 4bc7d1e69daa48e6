/**
 * The panel's icons: 16 px line drawings in the bundle (no icon font, no CDN), drawn in the text
 * colour. Decorative: the control beside or around each carries the name.
 */
const PATHS = {
  home: "M2.5 7.5 8 3l5.5 4.5M4 6.5V13h3v-3.5h2V13h3V6.5",
  people:
    "M6 7.5a2.25 2.25 0 1 0 0-4.5 2.25 2.25 0 0 0 0 4.5ZM2 13c0-2.2 1.8-4 4-4s4 1.8 4 4M11 7a1.75 1.75 0 1 0 0-3.5M11.5 9.2c1.5.4 2.5 1.9 2.5 3.8",
  grid: "M2.5 2.5h11v11h-11zM8 2.5v11M2.5 8h11",
  sliders: "M3 4.5h6M12 4.5h1M3 11.5h1M7 11.5h6M10.5 3v3M5.5 10v3",
  plus: "M8 3v10M3 8h10",
  paste: "M5.5 3H4v10.5h8V3h-1.5M6 2h4v2.5H6z",
  import: "M8 2.5v7M5 6.5l3 3 3-3M3 11v2.5h10V11",
  trash: "M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.6 9h5.8l.6-9",
  undo: "M5 3.5 2.5 6 5 8.5M2.5 6H10a3.5 3.5 0 0 1 0 7H6",
  search: "M7 11.5a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9ZM10.2 10.2 13.5 13.5",
  chevron: "M4 6l4 4 4-4",
  next: "M6 3.5 10.5 8 6 12.5",
  flag: "M3.5 14V2.5M3.5 3h8.5L10 6l2 3H3.5",
  back: "M9.5 3.5 5 8l4.5 4.5M5 8h8",
  refresh: "M13 4v3h-3M3 12V9h3M12.6 7A5 5 0 0 0 4 5M3.4 9a5 5 0 0 0 8.6 2",
  write: "M3.5 2.5h7l2 2v9h-9zM5.5 2.5v3h4v-3M5.5 13.5v-4h5v4",
  check: "M3 8.5 6.5 12 13 4.5",
  trend: "M2.5 12.5 6 8.5l2.5 2.5 5-6M10 5h3.5v3.5",
  alert: "M8 2.5 14 13H2zM8 6.5v3.5M8 11.5v.5",
  close: "M4 4l8 8M12 4l-8 8",
  help: "M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13ZM6.2 6.3a1.9 1.9 0 1 1 2.6 1.8c-.5.2-.8.6-.8 1.1v.6M8 11.2v.6",
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} />
    </svg>
  );
}
