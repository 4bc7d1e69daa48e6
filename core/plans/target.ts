import { anchorName, parseCellReference } from "./anchor";
import type { Target, WorkbookState } from "./resolve";
import type { SheetPlan } from "./sheet-plan";

const INVALID_SHEET_CHARACTERS = /[[\]:*?/\\]/g;

/**
 * Where a plan goes: the sheet carrying its kind's marker (even if the user renamed it), else the
 * sheet its anchor name points at (its marker was lost), else a new sheet with the plan's title,
 * or, when a sheet BuyIn does not own has that title, a new sheet named "<title> (BuyIn)" so
 * nothing of the user's is touched. A sheet whose marker records another sheet's id is a copy of
 * a BuyIn sheet (the host copied the marker with it): never written, listed in `copies`.
 */
export function resolveTarget(
  plan: Pick<SheetPlan, "kind" | "title">,
  workbook: WorkbookState & { readonly names?: Readonly<Record<string, string>> },
): Target {
  const marked = workbook.sheets.filter((sheet) => sheet.marker?.kind === plan.kind);
  const isCopy = (sheet: (typeof marked)[number]) =>
    sheet.id !== undefined && sheet.marker?.sheetId !== undefined && sheet.marker.sheetId !== sheet.id;
  const copies = marked.filter(isCopy).map((sheet) => sheet.name);
  const extra = copies.length > 0 ? { copies } : {};
  const owned = marked.find((sheet) => !isCopy(sheet));
  if (owned)
    return {
      name: owned.name,
      create: false,
      ...(owned.marker ? { marker: owned.marker } : {}),
      ...(owned.id !== undefined ? { id: owned.id } : {}),
      ...extra,
    };
  const anchor = workbook.names?.[anchorName(plan.kind)];
  const anchored = anchor === undefined ? undefined : parseCellReference(anchor);
  const found = workbook.sheets.find((sheet) => !sheet.marker && sheet.name === anchored?.sheet);
  if (found)
    return {
      name: found.name,
      create: false,
      recovered: true,
      ...(found.id !== undefined ? { id: found.id } : {}),
      ...extra,
    };
  const title = plan.title.replace(INVALID_SHEET_CHARACTERS, " ").slice(0, 31).trim() || "BuyIn";
  const taken = new Set(workbook.sheets.map((sheet) => sheet.name.toLowerCase()));
  if (!taken.has(title.toLowerCase())) return { name: title, create: true, ...extra };
  for (let attempt = 1; attempt < 1000; attempt++) {
    const suffix = attempt === 1 ? " (BuyIn)" : ` (BuyIn ${attempt})`;
    const name = `${title.slice(0, 31 - suffix.length)}${suffix}`;
    if (!taken.has(name.toLowerCase())) return { name, create: true, redirectedFrom: title, ...extra };
  }
  throw new Error(`no free sheet name for ${title}`);
}
