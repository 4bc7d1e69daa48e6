import { type BusinessCaseInputs, BusinessCaseInputsSchema } from "./inputs";
import { BENEFIT_LABELS, COST_LABELS, INTANGIBLE_LABELS, PROGRAMME_LABELS } from "./labels";
import { quickAccepts } from "./quick-rules";

/** One input that broke its rule: where it is, the field's label, and the sentence to show. */
export interface InputProblem {
  /** Path into the inputs: ["costs", 1, "amount"]. */
  readonly path: readonly (string | number)[];
  /** The field as a user finds it: "Cost line C-002, Amount". */
  readonly field: string;
  /** The whole sentence: "Cost line C-002, Amount must be an amount, 0 or more, got the text \"abc\"". */
  readonly message: string;
}

const LISTS = {
  costs: { noun: "Cost line", labels: COST_LABELS as Record<string, string> },
  benefits: { noun: "Benefit stream", labels: BENEFIT_LABELS as Record<string, string> },
  intangibles: { noun: "Intangible", labels: INTANGIBLE_LABELS as Record<string, string> },
} as const;

/** The field a zod path points at, by its label: "Learners", "Cost line C-002, Amount". */
function fieldOf(inputs: unknown, path: readonly PropertyKey[]): string {
  const [section, index, field] = path;
  if (section === "programme") {
    const key = path[1];
    return key === undefined
      ? "Programme"
      : ((PROGRAMME_LABELS as Record<string, string>)[String(key)] ?? String(key));
  }
  const list = LISTS[section as keyof typeof LISTS];
  if (!list) return String(section ?? "Business case");
  if (typeof index !== "number") return `${list.noun}s`;
  const record = (inputs as Record<string, unknown[]>)[section as string]?.[index] as
    | { id?: unknown }
    | undefined;
  const name = typeof record?.id === "string" && record.id !== "" ? record.id : `${index + 1}`;
  const label = field === undefined ? "" : `, ${list.labels[String(field)] ?? String(field)}`;
  return `${list.noun} ${name}${label}`;
}

/**
 * Checks business-case inputs against their rules (core/case/inputs.ts) and names each broken
 * one by its field's label, for the panel's field messages and the cells' `#VALUE!` text.
 *
 * @param inputs the inputs as given: from the panel, a sheet read back, or a script
 * @returns the typed inputs when every rule holds, and a problem per broken rule otherwise
 * @example Number(checkBusinessCase({}).problems.length) // 4
 */
export function checkBusinessCase(inputs: unknown): {
  readonly inputs?: BusinessCaseInputs;
  readonly problems: readonly InputProblem[];
} {
  // Valid inputs, the common case, skip zod's parse: the same rules, checked as predicates.
  if (quickAccepts(BusinessCaseInputsSchema, inputs))
    return { inputs: inputs as BusinessCaseInputs, problems: [] };
  const parsed = BusinessCaseInputsSchema.safeParse(inputs);
  if (parsed.success) return { inputs: parsed.data, problems: [] };
  const problems = parsed.error.issues.map((issue): InputProblem => {
    const field = fieldOf(inputs, issue.path);
    return {
      path: issue.path.map((step) => (typeof step === "number" ? step : String(step))),
      field,
      message: `${field} ${issue.message}`,
    };
  });
  return { problems };
}
