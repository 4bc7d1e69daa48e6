import type { ParsedRegister, RegisterRows } from "../plans/register-parse";
import { STAKEHOLDER_REGISTER } from "../plans/stakeholder-columns";
import type { Stakeholder } from "./stakeholder";

/**
 * Reads a stakeholder register (the kit's parser over its declaration): the valid records, and a
 * message per wrong cell. Rows without an id get the next free "S-nnn"; a repeated id keeps its
 * first row.
 */
export function parseStakeholderRows(
  register: RegisterRows,
  options: { scaleMax?: 5 | 10 } = {},
): ParsedRegister<Stakeholder> {
  return STAKEHOLDER_REGISTER.parse(register, options);
}
