/**
 * The short glossary the form shows beside the fields it explains: what each score means, what
 * the bottom and the top of the scale look like, and where the idea comes from.
 * Sources: A. Mendelow (1991), "Stakeholder mapping", Proceedings of the 2nd International
 * Conference on Information Systems (the power/interest grid); R. K. Mitchell, B. R. Agle and
 * D. J. Wood (1997), "Toward a theory of stakeholder identification and salience", Academy of
 * Management Review 22(4) (power, legitimacy, urgency); PMI, PMBOK Guide, 6th ed., §13.1.2.4
 * (power/influence grid) and §13.2.2.5 (the stakeholder engagement assessment matrix's levels).
 */
import type { Field } from "./draft";

export interface Term {
  readonly meaning: string;
  /** What a 1 looks like, and what the top of the scale looks like. */
  readonly low?: string;
  readonly high?: string;
  readonly source: string;
}

export const GLOSSARY: Partial<Record<Field, Term>> = {
  power: {
    meaning: "Their power over the programme: budget, people, decisions.",
    low: "no say in it",
    high: "can fund or stop it alone",
    source: "Mendelow; Mitchell, Agle & Wood",
  },
  interest: {
    meaning: "How much the programme affects them, and how much they care.",
    low: "barely notice it",
    high: "their own results depend on it",
    source: "Mendelow",
  },
  influence: {
    meaning: "How far their view sways others, whatever their formal power.",
    low: "nobody follows their lead",
    high: "the opinion others wait for",
    source: "PMBOK, power/influence grid",
  },
  legitimacy: {
    meaning: "How proper their claim on the programme is.",
    low: "no recognised stake",
    high: "a stake no one would question",
    source: "Mitchell, Agle & Wood",
  },
  urgency: {
    meaning: "How pressing their claim is: time-sensitive and critical to them.",
    low: "it can wait",
    high: "they need an answer now",
    source: "Mitchell, Agle & Wood",
  },
};

/** PMBOK's engagement levels, each as the assessment matrix describes it. */
export const ENGAGEMENT_MEANINGS: Readonly<Record<string, string>> = {
  Unaware: "Unaware of the programme and what it may change for them.",
  Resistant: "Aware of the programme and its impact, and resistant to the change.",
  Neutral: "Aware of the programme, neither supportive nor resistant.",
  Supportive: "Aware of the programme and its impact, and supportive of the change.",
  Leading: "Aware of the programme and actively engaged in making it succeed.",
};

/** A field's hint: its meaning, its scale's two ends, and the source. */
export function glossaryHint(field: Field, scaleMax: number, value: string): string | undefined {
  const term = GLOSSARY[field];
  if (term)
    return `${term.meaning} 1: ${term.low}; ${scaleMax}: ${term.high}. A whole number. (${term.source})`;
  if (field === "currentEngagement" || field === "desiredEngagement") {
    const meaning = ENGAGEMENT_MEANINGS[value];
    return `${meaning ?? "PMBOK's engagement levels, Unaware to Leading."} (PMBOK)`;
  }
  return undefined;
}
