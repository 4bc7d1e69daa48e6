export { parseStakeholderRows } from "./parse-stakeholders";
export { STAKEHOLDER_ID, type Stakeholder, StakeholderSchema } from "./stakeholder";
