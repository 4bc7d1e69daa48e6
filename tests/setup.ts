import fc from "fast-check";

// Property tests explore fresh inputs on every local run; CI replays one fixed seed, so a red
// build can be reproduced. Set FC_SEED to replay a failure reported with its seed.
const seed = process.env.FC_SEED ?? (process.env.CI ? "20261129" : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
