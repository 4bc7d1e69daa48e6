export * from "./a1";
export { contentFingerprint } from "./fingerprint";
export { cellInput, formulaInput, type HostInput, textInput } from "./host-input";
export * from "./resolve";
export type * from "./sheet-plan";
