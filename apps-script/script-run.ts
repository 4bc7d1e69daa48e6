/**
 * google.script.run as a promise: each call crosses to a server function of apps-script/server.ts
 * and resolves with what it returns (developers.google.com/apps-script/guides/html/communication).
 */

export interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: Error) => void): ScriptRunner;
  [server: string]: unknown;
}

declare const google: { script?: { run?: ScriptRunner } } | undefined;

/** google.script.run, or undefined outside a Sheets sidebar. */
export const scriptRunner = (): ScriptRunner | undefined =>
  typeof google === "undefined" ? undefined : google.script?.run;

/** Calls the server function `name` through `run`. */
export function callServer<T>(run: ScriptRunner, name: string, ...args: unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const runner = run.withSuccessHandler((value) => resolve(value as T)).withFailureHandler(reject);
    (runner[name] as (...values: unknown[]) => void)(...args);
  });
}
