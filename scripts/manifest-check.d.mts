/** Problems found in an add-in-only manifest; empty when it is sound. */
export function checkManifest(
  xml: string,
  options: { distDir: string; baseUrl: string; customFunctionsRuntime?: string },
): string[];
/** The CustomFunctionsRuntime version a functions bundle needs, from @types/custom-functions-runtime. */
export function customFunctionsRuntimeNeeded(bundle: string, typings: string): string;
