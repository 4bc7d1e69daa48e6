/** BuyIn's public surface: everything users and hosts may import. */

export * from "./case/index";
export * from "./catalog/index";
export { ERROR_TEXT, FormulaError, type FormulaErrorKind, isFormulaError } from "./errors";
export * from "./evaluation/index";
export * from "./finance/index";
export * from "./model/index";
export * from "./plans/index";
export * from "./playbook/index";
export * from "./samples/evaluation";
export * from "./samples/playbook";
export * from "./stakeholders/index";
