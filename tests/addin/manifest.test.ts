/**
 * manifests/manifest.xml parsed with a real XML parser (xmldom) and checked offline: structure,
 * shared runtime, resource ids, and every URL against the files the build emitted.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkManifest, customFunctionsRuntimeNeeded } from "../../scripts/manifest-check.mjs";

const root = join(import.meta.dirname, "../..");
const dist = join(root, "dist");
const typings = readFileSync(join(root, "node_modules/@types/custom-functions-runtime/index.d.ts"), "utf8");

describe("the Excel manifest", () => {
  it("passes every check against the dev build", () => {
    const xml = readFileSync(join(dist, "manifest.xml"), "utf8");
    expect(checkManifest(xml, { distDir: dist, baseUrl: "https://localhost:3000" })).toEqual([]);
  });

  it("asks for the CustomFunctionsRuntime version the functions bundle uses", () => {
    const xml = readFileSync(join(dist, "manifest.xml"), "utf8");
    const needed = customFunctionsRuntimeNeeded(
      readFileSync(join(dist, "addin/functions.js"), "utf8"),
      typings,
    );
    expect(
      checkManifest(xml, {
        distDir: dist,
        baseUrl: "https://localhost:3000",
        customFunctionsRuntime: needed,
      }),
    ).toEqual([]);
    expect(xml).toContain(`<Set Name="CustomFunctionsRuntime" MinVersion="${needed}"/>`);
    const older = xml.replace(
      `Name="CustomFunctionsRuntime" MinVersion="${needed}"`,
      'Name="CustomFunctionsRuntime" MinVersion="1.1"',
    );
    expect(
      checkManifest(older, {
        distDir: dist,
        baseUrl: "https://localhost:3000",
        customFunctionsRuntime: needed,
      }),
    ).toEqual([
      `<Requirements> asks for CustomFunctionsRuntime 1.1, but the functions use CustomFunctionsRuntime ${needed}`,
    ]);
  });

  it("reads the version each CustomFunctions use needs from @types/custom-functions-runtime", () => {
    // [Api set: …] in the typings: associate has none (1.1), Error 1.2, every ErrorCode value 1.3.
    expect(customFunctionsRuntimeNeeded("CustomFunctions.associate(id, f)", typings)).toBe("1.1");
    expect(customFunctionsRuntimeNeeded("throw new CustomFunctions.Error(code)", typings)).toBe("1.2");
    expect(customFunctionsRuntimeNeeded('new CustomFunctions.Error("#N/A")', typings)).toBe("1.3");
    expect(customFunctionsRuntimeNeeded("CustomFunctions.ErrorCode.invalidValue", typings)).toBe("1.3");
  });

  it("serves every page the manifest names with the local scripts and styles it loads", () => {
    const xml = readFileSync(join(dist, "manifest.xml"), "utf8");
    const pages = [...xml.matchAll(/DefaultValue="https:\/\/localhost:3000\/([^"]+\.html)"/g)].map(
      (match) => match[1] as string,
    );
    expect(new Set(pages)).toEqual(new Set(["addin/taskpane.html", "addin/help.html"]));
    for (const page of new Set(pages)) {
      const html = readFileSync(join(dist, page), "utf8");
      const local = [...html.matchAll(/(?:src|href)="([^"]+)"/g)]
        .map((match) => match[1] as string)
        .filter((url) => !/^(?:https?:|data:)/.test(url));
      expect(local.length).toBeGreaterThan(0);
      for (const url of local) expect(existsSync(join(dist, page, "..", url)), `${page} → ${url}`).toBe(true);
    }
  });

  it("catches a broken manifest: a missing file, a dangling resid, malformed XML", () => {
    const xml = readFileSync(join(dist, "manifest.xml"), "utf8");
    const missingFile = xml.replace("addin/functions.json", "addin/missing.json");
    expect(checkManifest(missingFile, { distDir: dist, baseUrl: "https://localhost:3000" })).toContain(
      "https://localhost:3000/addin/missing.json has no file dist/addin/missing.json",
    );
    const dangling = xml.replace('<Runtime resid="Taskpane.Url"', '<Runtime resid="Nowhere.Url"');
    expect(checkManifest(dangling, { distDir: dist, baseUrl: "https://localhost:3000" }).join("\n")).toMatch(
      /resid Nowhere\.Url on <Runtime> has no resource/,
    );
    expect(checkManifest("<OfficeApp><Id></OfficeApp>", { distDir: dist, baseUrl: "x" })[0]).toMatch(
      /^XML: /,
    );
  });

  it("switches every URL to a production base URL at build time", () => {
    const out = mkdtempSync(join(tmpdir(), "buyin-prod-"));
    execFileSync(process.execPath, ["esbuild.config.mjs"], {
      cwd: root,
      env: { ...process.env, BUYIN_BASE_URL: "https://addin.example.org/buyin/", BUYIN_DIST: out },
      stdio: "pipe",
    });
    const xml = readFileSync(join(out, "manifest.xml"), "utf8");
    expect(xml).not.toContain("localhost");
    expect(checkManifest(xml, { distDir: out, baseUrl: "https://addin.example.org/buyin" })).toEqual([]);
  });

  it("refuses a base URL that is not https", () => {
    expect(() =>
      execFileSync(process.execPath, ["esbuild.config.mjs"], {
        cwd: root,
        env: {
          ...process.env,
          BUYIN_BASE_URL: "http://plain.example.org",
          BUYIN_DIST: mkdtempSync(join(tmpdir(), "buyin-")),
        },
        stdio: "pipe",
      }),
    ).toThrow(/must be an https:\/\/ URL/);
  });
});
