/** Problems found in an add-in-only manifest; empty when it is sound. */
export function checkManifest(xml: string, options: { distDir: string; baseUrl: string }): string[];
