export {
  type ParsedRegister,
  parseStakeholderRows,
  type RegisterRows,
  type RowProblem,
} from "./parse-stakeholders";
export { STAKEHOLDER_ID, type Stakeholder, StakeholderSchema } from "./stakeholder";
