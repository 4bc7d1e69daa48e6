import type { Conflict, ResolvedName, Target } from "./resolve";
import type { NamePlan } from "./sheet-plan";

export interface NamesResolution {
  /** Names to set, the plan's and aliases of their former names. */
  readonly names: readonly ResolvedName[];
  /** Every name BuyIn now owns for this plan: recorded in the marker. */
  readonly owned: readonly string[];
  /** Names BuyIn created for this plan earlier and no longer sets. */
  readonly retired: readonly string[];
  readonly messages: readonly string[];
  readonly conflicts: readonly Conflict[];
}

/**
 * Which names a plan may set, and which it retires. BuyIn changes only the names its marker
 * records it created: a name of the user's with the same spelling is left alone and reported (a
 * marker written before names were recorded owns every name its plan sets). A name's former
 * spellings that still exist stay as aliases of the same cells, for formulas of the user's that
 * use them; names the plan no longer sets are removed.
 */
export function resolveNames(
  planNames: readonly NamePlan[],
  resolved: readonly ResolvedName[],
  target: Target,
  workbookNames: Readonly<Record<string, string>> | undefined,
): NamesResolution {
  // A sheet BuyIn is about to create owns no name yet: a name of that spelling is the user's.
  const previous = target.create ? [] : target.marker?.names;
  const lower = (name: string) => name.toLowerCase();
  const existing = new Set(Object.keys(workbookNames ?? {}).map(lower));
  const recorded = new Set((previous ?? []).map(lower));
  const names: ResolvedName[] = [];
  const conflicts: Conflict[] = [];
  const messages: string[] = [];
  const aliases: string[] = [];
  for (const name of resolved) {
    if (previous && existing.has(lower(name.name)) && !recorded.has(lower(name.name))) {
      conflicts.push({
        sheet: target.name,
        message: `The workbook already has a name ${name.name} of its own; BuyIn left it as it is, so its formulas that use it read your range.`,
      });
      continue;
    }
    names.push(name);
    const former = planNames.find((plan) => plan.name === name.name)?.formerly ?? [];
    for (const old of former)
      if (workbookNames ? existing.has(lower(old)) : recorded.has(lower(old))) {
        names.push({ name: old, reference: name.reference });
        aliases.push(`${old} → ${name.name}`);
      }
  }
  if (aliases.length > 0)
    messages.push(
      `Renamed ${aliases.join(", ")}; the old names stay as aliases for formulas of yours that use them (delete them when nothing does).`,
    );
  const owned = names.map((name) => name.name);
  const keep = new Set(owned.map(lower));
  const retired = (previous ?? []).filter(
    (name) => !keep.has(lower(name)) && (workbookNames === undefined || existing.has(lower(name))),
  );
  return { names, owned, retired, messages, conflicts };
}
