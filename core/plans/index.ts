export * from "./a1";
export { contentFingerprint } from "./fingerprint";
export { cellInput, formulaInput, type HostInput, textInput } from "./host-input";
export * from "./port";
export * from "./resolve";
export type * from "./sheet-plan";
export { type InputColumn, STAKEHOLDER_INPUTS } from "./stakeholder-columns";
export {
  MAP_KIND,
  REGISTER_KIND,
  SETTINGS_KIND,
  type StakeholderMapOptions,
  stakeholderMap,
} from "./stakeholder-map";
