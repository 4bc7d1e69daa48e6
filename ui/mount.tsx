/** Mounts the panel into a host page: styles from the bundle (no CDN), the host's theme. */
import { render } from "preact";
import { App, type Theme } from "./panel/app";
import styles from "./panel/styles.css";
import type { WorkbookPort } from "./workbook-port";

export function mountPanel(root: HTMLElement, options: { port: WorkbookPort; theme: Theme }): void {
  const document = root.ownerDocument;
  if (!document.getElementById("buyin-styles")) {
    const style = document.createElement("style");
    style.id = "buyin-styles";
    style.textContent = styles;
    document.head.append(style);
  }
  root.classList.add(`theme-${options.theme}`);
  render(<App port={options.port} />, root);
}
