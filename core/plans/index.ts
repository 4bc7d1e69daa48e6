export * from "./a1";
export { anchorName } from "./anchor";
export { contentFingerprint } from "./fingerprint";
export { cellInput, formulaInput, type HostInput, textInput } from "./host-input";
export { resolveSheet, STATE_HEADER } from "./legacy-resolve-sheet";
export * from "./port";
export * from "./resolve";
export { COMPACT_AFTER_RUNS } from "./resolve-table";
export type * from "./sheet-plan";
export { shiftFormula } from "./shift-formula";
export { type InputColumn, STAKEHOLDER_INPUTS } from "./stakeholder-columns";
export {
  MAP_KIND,
  REGISTER_KIND,
  SETTINGS_KIND,
  type StakeholderMapOptions,
  stakeholderMap,
} from "./stakeholder-map";
export { STATE_KIND, STATE_TITLE } from "./state-sheet";
export { resolveTarget } from "./target";
