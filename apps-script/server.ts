/**
 * Apps Script server bundle (global `BuyIn`). The generated `BUYIN_*` custom functions call
 * `BuyIn.callFunction`. Only translates: Sheets arguments in, Sheets values or errors out.
 */
import { findFunction, invoke } from "../core/index";

type SheetsAnswer = number | string | (number | string)[][];

/**
 * Runs a catalog function for a Sheets custom function. One answer: its value, or a thrown
 * `Error("#NUM! message")` so the cell shows the message. A spilled range: failed cells become
 * their error text (`#NUM!`), so one bad row never blanks the whole column.
 */
export function callFunction(id: string, args: unknown[]): SheetsAnswer {
  const spec = findFunction(id);
  if (!spec) throw new Error(`#NAME? ${id} is not a BuyIn function`);
  const { cells } = invoke(spec, args as Parameters<typeof invoke>[1]);
  const only = cells.length === 1 && cells[0]?.length === 1 ? cells[0][0] : undefined;
  if (only !== undefined) {
    if (typeof only === "object") throw new Error(`${only.text} ${only.message}`);
    return only;
  }
  return cells.map((row) => row.map((cell) => (typeof cell === "object" ? cell.text : cell)));
}
