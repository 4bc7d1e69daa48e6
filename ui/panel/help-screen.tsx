/**
 * Help: the short glossary (the same text as the form's field hints, from glossary.ts) on the
 * workbook's own scale, with its sources, and a link to the host's help page where it has one. The
 * Sheets sidebar has no other page to open, so this screen is its help. Each part folds (its
 * summary also gives the keyboard a way into the scrolling screen).
 */
import type { Panel } from "./app";
import { ENGAGEMENT_GLOSSARY, GLOSSARY_SOURCES, GLOSSARY_TERMS, scaleEnds } from "./glossary";

export function HelpScreen({ panel }: { panel: Panel }) {
  const { scaleMax, threshold } = panel.settings;
  return (
    <section class="screen help" aria-labelledby="help-heading">
      <h2 id="help-heading">Help</h2>
      <p class="muted">
        {`Scores run from 1 to ${scaleMax}, the workbook's scale. A score of ${threshold} or more is high: high power and high interest is “Manage closely” on Mendelow's grid.`}
      </p>
      <details open>
        <summary>The scores</summary>
        <dl class="glossary">
          {GLOSSARY_TERMS.map((term) => [
            <dt key={`${term.field}-t`}>{term.name}</dt>,
            <dd key={`${term.field}-d`}>
              {`${term.meaning} ${scaleEnds(term, scaleMax)}`}
              <span class="source">{` (${term.source})`}</span>
            </dd>,
          ])}
        </dl>
      </details>
      <details open>
        <summary>Engagement levels (PMBOK)</summary>
        <dl class="glossary">
          {ENGAGEMENT_GLOSSARY.map((entry) => [
            <dt key={`${entry.level}-t`}>{`${entry.number} ${entry.level}`}</dt>,
            <dd key={`${entry.level}-d`}>{entry.meaning}</dd>,
          ])}
        </dl>
        <p class="muted">The engagement gap is the desired level's number minus the current one's.</p>
      </details>
      <details open>
        <summary>Sources</summary>
        <ul class="sources">
          {GLOSSARY_SOURCES.map((source) => (
            <li key={source.short}>{source.reference}</li>
          ))}
        </ul>
      </details>
      {panel.helpUrl ? (
        <p>
          <a href={panel.helpUrl} target="_blank" rel="noreferrer">
            BuyIn's help page, with the function reference
          </a>
        </p>
      ) : null}
    </section>
  );
}
