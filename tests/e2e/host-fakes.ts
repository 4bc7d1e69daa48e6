/**
 * The hosts' client APIs as the browser tests fake them in a page: google.script.run (each call
 * crosses to `window.__server`, which a test exposes) and a mocked Office host.
 */
/** google.script.run in the page: each server call goes to window.__server, exposed by the test. */
export const FAKE_SCRIPT_RUN = `
  window.google = { script: { run: new Proxy({}, { get(_, name) {
    const runner = (success, failure) => new Proxy({}, { get(_, method) {
      if (method === "withSuccessHandler") return (handler) => runner(handler, failure);
      if (method === "withFailureHandler") return (handler) => runner(success, handler);
      return (...args) => window.__server(method, JSON.parse(JSON.stringify(args)))
        .then((value) => success && success(value), (error) => failure && failure(new Error(String(error && error.message || error))));
    } });
    return runner()[name];
  } }) } };`;

/**
 * A mocked Office host for the panel tests (the real loader never resolves `Office.onReady`
 * outside Excel), in the real loader's order. office.js defines `CustomFunctions` with only
 * `associate`, `delayInitialization` and `_association` (office.debug.js 1346-1420); the Excel
 * host script, which office.js inserts as an async script (office.debug.js 424-524, 1956-1975),
 * adds `Error` and `ErrorCode` later and resolves `Office.onReady` once the document is loaded
 * (excel-win32-16.01.debug.js 59732-59745). The `associate` below keeps the real one's rules:
 * names upper-cased, a non-function or non-string refused with a console warning, a repeated name
 * warned about and replaced (office.debug.js 1352-1388).
 */
export const FAKE_OFFICE = `
  window.CustomFunctions = { _association: { mappings: {} }, delayInitialization() {} };
  window.CustomFunctions.associate = function (name, handler) {
    if (typeof name !== "string" || typeof handler !== "function") return console.warn("[InvalidArg] Function=associate");
    if (this._association.mappings[name.toUpperCase()]) console.warn("[DuplicatedName] Function=" + name);
    this._association.mappings[name.toUpperCase()] = handler;
  };
  const hostScript = () => {
    CustomFunctions.Error = class extends Error {
      constructor(code, message) { super(message || ""); this.code = code || "#VALUE!"; }
    };
    CustomFunctions.ErrorCode = { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" };
    window.Excel = { run: async () => { throw new Error("this mocked Office host has no workbook"); } };
    for (const resolve of pendingReady) resolve({ host: "Excel", platform: "PC" });
    pendingReady = undefined;
  };
  let pendingReady = [];
  window.Office = { onReady(callback) {
    return new Promise((resolve) => {
      const ready = (info) => { callback && callback(info); resolve(info); };
      pendingReady ? pendingReady.push(ready) : ready({ host: "Excel", platform: "PC" });
    });
  } };
  document.addEventListener("DOMContentLoaded", () => setTimeout(hostScript, 0));`;
