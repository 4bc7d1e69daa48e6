/**
 * Offline checks of the Excel add-in-only manifest, with a real XML parser: the structure Office
 * needs for custom functions in a shared runtime, resource ids that resolve, string lengths within
 * Office's limits, every URL served by a file the build emitted, and the CustomFunctionsRuntime
 * version the functions bundle needs.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { DOMParser } from "@xmldom/xmldom";

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
};

/** Order of OfficeApp's children in the TaskPaneApp schema (those BuyIn uses). */
const ROOT_ORDER = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "VersionOverrides",
];

/** Versions in "1.10" form, compared part by part. */
function compareVersions(a, b) {
  const [left, right] = [a.split(".").map(Number), b.split(".").map(Number)];
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * The CustomFunctionsRuntime version a functions bundle needs: the highest
 * `[Api set: CustomFunctionsRuntime x]` that @types/custom-functions-runtime gives the
 * `CustomFunctions` members the bundle reads and the `ErrorCode` values it spells out. A member
 * with no set of its own (`associate`) is in 1.1, the first set.
 * @param {string} bundle the built functions.js
 * @param {string} typings node_modules/@types/custom-functions-runtime/index.d.ts
 */
export function customFunctionsRuntimeNeeded(bundle, typings) {
  const members = new Map();
  const values = new Map();
  // A JSDoc block, then what it documents: a declaration (`class Error`) or an enum member (`invalidValue = "#VALUE!"`).
  const documented =
    /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*(?:(?:class|enum|function|interface)\s+(\w+)|\w+\s*=\s*"([^"]+)")/g;
  for (const [, comment, declaration, value] of typings.matchAll(documented)) {
    const version = /\[Api set: CustomFunctionsRuntime ([\d.]+)\]/.exec(comment)?.[1];
    if (!version) continue;
    if (declaration) members.set(declaration, version);
    else values.set(value, version);
  }
  // An enum with no set of its own exists from its first member's set.
  const enumValues = [...values.values()].sort(compareVersions);
  if (!members.has("ErrorCode") && enumValues.length > 0) members.set("ErrorCode", enumValues[0]);
  const used = [
    "1.1",
    ...[...bundle.matchAll(/\bCustomFunctions\.(\w+)/g)].flatMap(([, member]) =>
      members.has(member) ? [members.get(member)] : [],
    ),
    ...[...values].flatMap(([value, version]) => (bundle.includes(JSON.stringify(value)) ? [version] : [])),
  ];
  return used.sort(compareVersions).at(-1);
}

function elements(node, namespace, name) {
  return Array.from(node.getElementsByTagNameNS(namespace, name));
}

function children(node) {
  return Array.from(node.childNodes).filter((child) => child.nodeType === 1);
}

/**
 * @param {string} xml the manifest text
 * @param {{ distDir: string, baseUrl: string, customFunctionsRuntime?: string }} options where the
 *   built files are, the URL they are served under, and the CustomFunctionsRuntime version the
 *   functions need (see customFunctionsRuntimeNeeded)
 * @returns {string[]} problems; empty when the manifest is sound
 */
export function checkManifest(xml, { distDir, baseUrl, customFunctionsRuntime }) {
  const problems = [];
  const parseErrors = [];
  let document;
  try {
    document = new DOMParser({
      onError: (level, message) => {
        if (level !== "warning") parseErrors.push(message);
      },
    }).parseFromString(xml, "text/xml");
  } catch (error) {
    parseErrors.push(error instanceof Error ? error.message : String(error));
  }
  if (parseErrors.length > 0 || !document) return parseErrors.map((message) => `XML: ${message}`);
  const root = document.documentElement;
  if (root.namespaceURI !== NS.app || root.localName !== "OfficeApp")
    return ["root is not an OfficeApp element"];
  if (root.getAttributeNS(NS.xsi, "type") !== "TaskPaneApp")
    problems.push('OfficeApp must have xsi:type="TaskPaneApp"');

  const order = children(root).map((child) => child.localName);
  const known = order.filter((name) => ROOT_ORDER.includes(name));
  const expected = [...known].sort((a, b) => ROOT_ORDER.indexOf(a) - ROOT_ORDER.indexOf(b));
  if (known.join() !== expected.join())
    problems.push(`OfficeApp children out of schema order: ${order.join(", ")}`);
  for (const required of [
    "Id",
    "Version",
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "Hosts",
  ]) {
    if (!order.includes(required)) problems.push(`missing <${required}>`);
  }
  const text = (name) => elements(root, NS.app, name)[0]?.textContent?.trim() ?? "";
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text("Id")))
    problems.push("<Id> is not a GUID");
  if (!/^\d+(\.\d+){0,3}$/.test(text("Version"))) problems.push("<Version> must be n.n.n.n");
  if (text("Permissions") !== "ReadWriteDocument") problems.push("<Permissions> must be ReadWriteDocument");
  const hosts = elements(root, NS.app, "Host").map((host) => host.getAttribute("Name"));
  if (!hosts.includes("Workbook")) problems.push('<Hosts> must include Host Name="Workbook"');
  const sets = elements(root, NS.app, "Set").map(
    (set) => `${set.getAttribute("Name")}@${set.getAttribute("MinVersion")}`,
  );
  if (!sets.includes("SharedRuntime@1.1")) problems.push("<Requirements> must ask for SharedRuntime 1.1");
  const runtimeSet = sets.find((set) => set.startsWith("CustomFunctionsRuntime@"));
  if (!runtimeSet) problems.push("<Requirements> must ask for CustomFunctionsRuntime");
  else if (
    customFunctionsRuntime !== undefined &&
    runtimeSet !== `CustomFunctionsRuntime@${customFunctionsRuntime}`
  )
    // Lower lets an Excel without the API load functions that then fail; higher shuts out Excels that could run them.
    problems.push(
      `<Requirements> asks for ${runtimeSet.replace("@", " ")}, but the functions use CustomFunctionsRuntime ${customFunctionsRuntime}`,
    );

  // Resources: ids unique, at most 32 characters, strings within Office's limits.
  const resources = new Map();
  for (const [kind, limit] of [
    ["Image", undefined],
    ["Url", undefined],
    ["ShortStrings", 125],
    ["LongStrings", 250],
  ]) {
    const nodes =
      kind === "ShortStrings" || kind === "LongStrings"
        ? elements(root, NS.bt, kind).flatMap((group) => elements(group, NS.bt, "String"))
        : elements(root, NS.bt, kind).filter((node) => node.parentNode.localName !== "Icon");
    for (const node of nodes) {
      const id = node.getAttribute("id");
      const value = node.getAttribute("DefaultValue") ?? "";
      if (!id) continue;
      if (resources.has(id)) problems.push(`resource id ${id} is defined twice`);
      if (id.length > 32) problems.push(`resource id ${id} is longer than 32 characters`);
      if (limit !== undefined && value.length > limit)
        problems.push(`${id} is longer than ${limit} characters`);
      resources.set(id, { kind, value });
    }
  }
  for (const node of Array.from(root.getElementsByTagName("*"))) {
    const resid = node.getAttribute?.("resid");
    if (resid && !resources.has(resid))
      problems.push(`resid ${resid} on <${node.localName}> has no resource`);
  }

  // Shared runtime: the runtime, the custom-functions page and the function file are one page.
  const runtime = elements(root, NS.ov, "Runtime")[0];
  if (!runtime) problems.push("no <Runtime> in VersionOverrides");
  else {
    if (runtime.getAttribute("lifetime") !== "long") problems.push('<Runtime> must have lifetime="long"');
    const shared = runtime.getAttribute("resid");
    const page = elements(root, NS.ov, "Page")[0];
    const pageResid = page ? elements(page, NS.ov, "SourceLocation")[0]?.getAttribute("resid") : undefined;
    const functionFile = elements(root, NS.ov, "FunctionFile")[0]?.getAttribute("resid");
    if (pageResid !== shared) problems.push("custom functions <Page> must use the runtime's page");
    if (functionFile !== undefined && functionFile !== shared)
      problems.push("<FunctionFile> must use the runtime's page");
  }
  const extension = elements(root, NS.ov, "ExtensionPoint").find(
    (node) => node.getAttributeNS(NS.xsi, "type") === "CustomFunctions",
  );
  if (!extension) problems.push("no CustomFunctions extension point");
  else {
    for (const part of ["Script", "Page", "Metadata"]) {
      if (elements(extension, NS.ov, part).length !== 1) problems.push(`CustomFunctions needs one <${part}>`);
    }
    const namespaceId = elements(extension, NS.ov, "Namespace")[0]?.getAttribute("resid");
    if (resources.get(namespaceId)?.value !== "BUYIN")
      problems.push("custom functions namespace must be BUYIN");
  }
  if (
    !elements(root, NS.ov, "Action").some(
      (action) => action.getAttributeNS(NS.xsi, "type") === "ShowTaskpane",
    )
  ) {
    problems.push("no ribbon button opens the task pane");
  }

  // Every URL is https under the base URL and served by a built file.
  const urls = [
    ...Array.from(root.getElementsByTagName("*")).flatMap((node) =>
      node.getAttribute?.("DefaultValue")?.startsWith("http") ? [node.getAttribute("DefaultValue")] : [],
    ),
  ];
  for (const url of urls) {
    if (!url.startsWith(`${baseUrl}/`)) {
      problems.push(`${url} is not under ${baseUrl}`);
      continue;
    }
    const path = url.slice(baseUrl.length + 1).split(/[?#]/)[0];
    if (!existsSync(join(distDir, path))) problems.push(`${url} has no file dist/${path}`);
  }
  if (urls.length === 0) problems.push("no URLs found");
  return problems;
}
