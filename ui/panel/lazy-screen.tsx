/**
 * A screen whose code loads when it is first opened (load-screens-on-use.ts): in the Excel task
 * pane and the Sheets sidebar these screens and their styles are a script of their own, out of the
 * 150 KB the panel starts with.
 */
import type { JSX } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { Panel } from "./app";
import { loadScreensOnUse, type ScreensOnUse } from "./load-screens-on-use";

type Screen = (props: { panel: Panel }) => JSX.Element;

/** The loaded screens' styles, added to the page once, before the first of them renders. */
function addScreenStyles(styles: string): void {
  if (document.getElementById("buyin-screen-styles")) return;
  const style = document.createElement("style");
  style.id = "buyin-screen-styles";
  style.textContent = styles;
  document.head.append(style);
}

export function lazyScreen(pick: (screens: ScreensOnUse) => Screen): Screen {
  let loaded: Screen | undefined;
  return function LazyScreen({ panel }) {
    const [screen, setScreen] = useState<{ Component: Screen } | undefined>(
      loaded ? { Component: loaded } : undefined,
    );
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (loaded) return;
      loadScreensOnUse().then(
        (screens) => {
          addScreenStyles(screens.screenStyles);
          loaded = pick(screens);
          setScreen({ Component: loaded });
        },
        () => setFailed(true),
      );
    }, []);
    if (screen) return <screen.Component panel={panel} />;
    return (
      <p class={failed ? "problem" : "muted"}>
        {failed ? "This screen could not be loaded: close and reopen the pane to try again." : "Loading…"}
      </p>
    );
  };
}
