/**
 * One glossary, three places (issue 9, item 5): the task pane's help.html, built by
 * esbuild.config.mjs, carries every term, level and source of ui/panel/glossary.ts, in the words
 * the form's field hints use.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  ENGAGEMENT_GLOSSARY,
  GLOSSARY_SOURCES,
  GLOSSARY_TERMS,
  glossaryHint,
  scaleEnds,
} from "../../ui/panel/glossary";

const help = readFileSync(join(import.meta.dirname, "../../dist/addin/help.html"), "utf8");
const escaped = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
/** The glossary section of the page: between its heading and the function reference's. */
const glossary = help.slice(help.indexOf('<h2 id="glossary">'), help.indexOf('<h2 id="reference">'));

describe("help.html's glossary", () => {
  it("has the glossary before the function reference", () => {
    expect(glossary.length).toBeGreaterThan(500);
    expect(help).toContain("<table>");
  });

  it("explains Power, Interest, Influence, Legitimacy and Urgency with what a 1 and a 5 look like, as the field hints do", () => {
    expect(GLOSSARY_TERMS.map((term) => term.name)).toEqual([
      "Power",
      "Interest",
      "Influence",
      "Legitimacy",
      "Urgency",
    ]);
    for (const term of GLOSSARY_TERMS) {
      const explained = `${term.meaning} ${scaleEnds(term, 5)}`;
      expect(glossary).toContain(`<dt>${term.name}</dt><dd>${escaped(explained)}`);
      expect(glossaryHint(term.field, 5, "")).toContain(explained);
    }
    expect(glossary).toContain("1: no say in it; 5: can fund or stop it alone.");
  });

  it("lists each engagement level with its number and PMBOK's meaning, as the field hints do", () => {
    expect(ENGAGEMENT_GLOSSARY.map((entry) => `${entry.number} ${entry.level}`)).toEqual([
      "1 Unaware",
      "2 Resistant",
      "3 Neutral",
      "4 Supportive",
      "5 Leading",
    ]);
    for (const entry of ENGAGEMENT_GLOSSARY) {
      expect(glossary).toContain(`<dt>${entry.number} ${entry.level}</dt><dd>${escaped(entry.meaning)}</dd>`);
      expect(glossaryHint("currentEngagement", 5, entry.level)).toBe(`${entry.meaning} (PMBOK)`);
    }
  });

  it("names its sources: Mendelow; Mitchell, Agle & Wood; PMBOK", () => {
    expect(GLOSSARY_SOURCES.map((source) => source.short)).toEqual([
      "Mendelow",
      "Mitchell, Agle & Wood",
      "PMBOK",
    ]);
    for (const source of GLOSSARY_SOURCES)
      expect(glossary).toContain(`<li>${escaped(source.reference)}</li>`);
  });
});
