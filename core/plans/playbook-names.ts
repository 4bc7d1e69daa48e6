/**
 * The modules of the playbook registers whose named columns the Stakeholders sheet reads (the
 * concern register, the feedback log). Declared apart from those registers so the stakeholder
 * register, which every host bundle carries, names them without carrying the registers.
 */
export const CONCERN_MODULE = "Concern";
/** The concern register's sheet kind, which the panel reads to show who is kept from being a champion. */
export const CONCERN_KIND = "concerns";
export const FEEDBACK_LOG_MODULE = "Heard";

/** A workbook name as the register kit makes it: `BuyIn_<module>_<suffix>`. */
export const moduleName = (module: string, suffix: string): string => `BuyIn_${module}_${suffix}`;
