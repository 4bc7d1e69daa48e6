/**
 * Mounts the panel into a host page: styles from the bundle (no CDN), the host's theme. The
 * screens loaded on use bring their own styles (lazy-screen.tsx).
 */
import { render } from "preact";
import { App, type Theme } from "./panel/app";
import styles from "./panel/styles.css";
import type { WorkbookPort } from "./workbook-port";

/** `helpUrl`: the host's help page, where it has one (the task pane's help.html). */
export function mountPanel(
  root: HTMLElement,
  options: { port: WorkbookPort; theme: Theme; helpUrl?: string },
): void {
  const document = root.ownerDocument;
  if (!document.getElementById("buyin-styles")) {
    const style = document.createElement("style");
    style.id = "buyin-styles";
    style.textContent = styles;
    document.head.append(style);
  }
  root.classList.add(`theme-${options.theme}`);
  render(<App port={options.port} {...(options.helpUrl ? { helpUrl: options.helpUrl } : {})} />, root);
}
