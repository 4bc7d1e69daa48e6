import type { ConcernEntry } from "../playbook/open-concerns";
import type { TableSnapshot } from "./port";
import type { Cell } from "./sheet-plan";

/** The concern register's columns the counts read, by id, and their headers for a table read without ids. */
const COLUMNS = { stakeholder: "Stakeholder or group", severity: "Severity", status: "Status" } as const;

/** A cell as the sheet's "=" reads it against a word: whatever the case. */
const word = (cell: Cell | undefined, canonical: string): string => {
  const text = cell === null || cell === undefined ? "" : String(cell);
  return text.toLowerCase() === canonical.toLowerCase() ? canonical : text;
};

/**
 * The concern register as read back, as the open-concern counts read it: each row's stakeholder,
 * severity and status straight from the cells, "open" and "high" in any case read as "Open" and
 * "High", as the Stakeholders sheet's formulas compare them. For the panel, which shows who is
 * kept from being a champion without carrying the register's parser. Columns by id (the state
 * sheet's), else by header; none without the table.
 */
export function concernEntries(table: TableSnapshot | undefined): ConcernEntry[] {
  if (!table) return [];
  const at = (id: keyof typeof COLUMNS) => {
    const byId = table.ids?.indexOf(id) ?? -1;
    return byId >= 0 ? byId : table.header.indexOf(COLUMNS[id]);
  };
  const [stakeholder, severity, status] = [at("stakeholder"), at("severity"), at("status")];
  if (stakeholder < 0 || severity < 0 || status < 0) return [];
  return table.rows.map(({ values }) => ({
    stakeholder: String(values[stakeholder] ?? ""),
    severity: word(values[severity], "High"),
    status: word(values[status], "Open"),
  }));
}
