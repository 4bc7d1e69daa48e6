/**
 * The exact clasp release `npm run push:sheets` runs through npx. Pinned here rather than as a dev
 * dependency: clasp 3.4.1 brings 289 packages (googleapis, an MCP SDK, inquirer …) and made a cold
 * `npm ci` take 26 s instead of 10 s and node_modules 609 MB instead of 347 MB, for a command only a
 * release runs. npx fetches this exact version once and caches it.
 */
export const CLASP = "@google/clasp@3.4.1";
