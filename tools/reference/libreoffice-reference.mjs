/**
 * Reference values for NPV, IRR, XNPV and XIRR from a real spreadsheet engine, LibreOffice Calc.
 *
 * Run:   node tools/reference/libreoffice-reference.mjs
 * Needs: Node 20 and LibreOffice Calc on PATH (Debian: `apt-get install libreoffice-calc`), or set
 *        SOFFICE=/path/to/soffice. Writes tests/core/finance/fixtures/libreoffice.json.
 *        KEEP=1 keeps the temp dir (spreadsheet and CSV exports) for inspection.
 *
 * The cases come from a seeded PRNG, so a re-run with the same LibreOffice gives the same file.
 * Dev tool only; not run in CI.
 *
 * How the numbers come back at full precision: the exports tried (ODF office:value, xlsx <v>, CSV
 * raw values, TEXT() with more decimals) all stop at 15 significant digits. So next to each result the sheet
 * also computes SIGN(x):k:BASE(|x|·2^k; 16) with k chosen to make |x|·2^k an integer of about 57
 * bits. Scaling by a power of two is exact and BASE is exact on integers above 2^41 (below that its
 * approximate floor could snap), so the hex digits are the exact binary significand; the decoder
 * here rebuilds the identical double. Inputs are read back the same way to prove that LibreOffice
 * parsed each one to the same double as Node.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const OUT = join(ROOT, "tests", "core", "finance", "fixtures", "libreoffice.json");
const SOFFICE = process.env.SOFFICE || "soffice";

// ---------------------------------------------------------------------------------------------
// Deterministic case generation

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// One stream per function, so changing one list of cases leaves the others untouched.
function random(seed) {
  const next = mulberry32(seed);
  const uniform = (lo, hi) => lo + (hi - lo) * next();
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (items) => items[Math.floor(next() * items.length)];
  // Few significant digits keep every input an exact decimal that LibreOffice parses identically.
  const amount = (magnitude) => {
    const digits = int(3, 12);
    const value = Number(magnitude.toPrecision(digits));
    return Math.max(value, 0.01);
  };
  return { next, uniform, int, pick, amount };
}

/** Spreadsheet serial (1900 system) of a calendar date; 2008-01-01 is 39448. */
function serial(year, month, day) {
  return Date.UTC(year, month - 1, day) / 86400000 + 25569;
}

const round = (x, places) => Number(x.toFixed(places));

function npvCases() {
  const r = random(0x4e5056);
  const cases = [
    { name: "excel-doc NPV(10%, -10000, 3000, 4200, 6800)", rate: 0.1, values: [-10000, 3000, 4200, 6800] },
    {
      name: "excel-doc NPV(8%, 8000..14500), doc adds -40000 outside",
      rate: 0.08,
      values: [8000, 9200, 10000, 12000, 14500],
    },
    {
      name: "excel-doc NPV(8%, 8000..14500, -9000), doc adds -40000 outside",
      rate: 0.08,
      values: [8000, 9200, 10000, 12000, 14500, -9000],
    },
  ];
  for (let i = 1; i <= 30; i++) {
    const n = r.int(1, 40);
    const wild = i % 5 === 0; // every flow its own magnitude instead of one scale per case
    const scale = r.uniform(-2, 9);
    const values = [];
    for (let j = 0; j < n; j++) {
      const exponent = wild ? r.uniform(-2, 9) : Math.min(9, Math.max(-2, scale + r.uniform(-1, 1)));
      values.push((r.next() < 0.35 ? -1 : 1) * r.amount(10 ** exponent));
    }
    const rate = round(r.uniform(-0.5, 1), r.int(2, 6));
    cases.push({ name: `random npv ${i} (n=${n}${wild ? ", mixed magnitudes" : ""})`, rate, values });
  }
  const flows = [-5000, 1200.5, 1300.25, 1400, 1500.75, 1600];
  cases.push({ name: "rate 0 is the plain sum", rate: 0, values: flows });
  cases.push({ name: "rate -0.99", rate: -0.99, values: flows });
  cases.push({ name: "rate -0.5 (boundary of random range)", rate: -0.5, values: flows });
  cases.push({ name: "rate 1 (boundary of random range)", rate: 1, values: flows });
  cases.push({ name: "single flow", rate: 0.07, values: [1000] });
  return cases;
}

function irrCases() {
  const r = random(0x495252);
  const cases = [
    { name: "excel-doc IRR 4 years", values: [-70000, 12000, 15000, 18000, 21000] },
    { name: "excel-doc IRR 5 years", values: [-70000, 12000, 15000, 18000, 21000, 26000] },
    { name: "excel-doc IRR 2 years guess -10%", values: [-70000, 12000, 15000], guess: -0.1 },
  ];
  for (let i = 1; i <= 50; i++) {
    const n = i <= 10 ? r.int(2, 6) : r.int(2, 120);
    const outlay = r.amount(10 ** r.uniform(2, 8));
    const multiple = r.uniform(0.6, 3); // total inflow over outlay: spreads IRRs over both signs
    const values = [-outlay];
    for (let j = 1; j < n; j++) values.push(round(((outlay * multiple) / (n - 1)) * r.uniform(0.3, 1.7), 2));
    const c = { name: `random conventional irr ${i} (n=${n})`, values };
    // Long series read as monthly flows: LibreOffice's Newton (20 steps from 0.1) overshoots below
    // -100% on them, so most get a monthly-sized guess and every third shows the bare behaviour.
    if (n > 24 && i % 3 !== 0) c.guess = r.pick([0.005, 0.01, 0.02]);
    else if (n <= 24 && i % 3 === 0) c.guess = r.pick([0.05, 0.1, 0.2, -0.1, 0.5]);
    cases.push(c);
  }

  // Several sign changes: more than one root, so the answer depends on the guess.
  const twoRoots = [-100, 230, -132]; // roots 10% and 20%
  cases.push({ name: "two roots 10%/20%, no guess", values: twoRoots });
  cases.push({ name: "two roots 10%/20%, guess 0.05", values: twoRoots, guess: 0.05 });
  cases.push({ name: "two roots 10%/20%, guess 0.25", values: twoRoots, guess: 0.25 });
  cases.push({ name: "two roots negated, guess 0.25", values: [100, -230, 132], guess: 0.25 });
  const threeRoots = [-1000, 6000, -11000, 6000]; // -1000(y-1)(y-2)(y-3), y = 1+r: roots 0, 100%, 200%
  cases.push({ name: "three roots 0/100%/200%, no guess", values: threeRoots });
  cases.push({ name: "three roots 0/100%/200%, guess 0.8", values: threeRoots, guess: 0.8 });
  cases.push({ name: "three roots 0/100%/200%, guess 2.5", values: threeRoots, guess: 2.5 });
  cases.push({ name: "one real root 0 with complex pair", values: [-1, 1, -1, 1] });
  cases.push({ name: "no real root (-1000, 2500, -2000)", values: [-1000, 2500, -2000] });
  for (let i = 1; i <= 6; i++) {
    const n = r.int(4, 20);
    const values = [-r.amount(10 ** r.uniform(3, 6))];
    for (let j = 1; j < n; j++) values.push((r.next() < 0.3 ? -1 : 1) * r.amount(10 ** r.uniform(2, 5.5)));
    const c = { name: `random non-conventional irr ${i} (n=${n})`, values };
    if (i % 2 === 0) c.guess = r.pick([0.05, 0.25]);
    cases.push(c);
  }

  cases.push({ name: "very large irr 9900% (-1, 100)", values: [-1, 100] });
  cases.push({ name: "very large irr (-1, 100), guess 50", values: [-1, 100], guess: 50 });
  cases.push({ name: "large irr (-1, 10, 10)", values: [-1, 10, 10] });
  cases.push({ name: "very negative irr -99% (-100, 1)", values: [-100, 1] });
  cases.push({ name: "very negative irr -99% (-100, 1), guess -0.995", values: [-100, 1], guess: -0.995 });
  cases.push({ name: "very negative irr -99.99% (-100, 0.01)", values: [-100, 0.01] });
  cases.push({ name: "very negative irr (-100, 1, 1), guess -0.9", values: [-100, 1, 1], guess: -0.9 });

  // 30-year mortgage: 200000 at 6%/12 pays 1199.10 a month.
  const mortgage = [-200000, ...Array(359).fill(1199.1)];
  cases.push({ name: "360 flows monthly mortgage", values: mortgage });
  cases.push({ name: "360 flows monthly mortgage, guess 0.01", values: mortgage, guess: 0.01 });
  const noisy = [-150000];
  for (let j = 1; j < 360; j++) noisy.push(round(r.uniform(400, 1400), 2));
  cases.push({ name: "360 flows monthly noisy", values: noisy, guess: 0.01 });

  cases.push({ name: "no root: all positive", values: [100, 200, 300] });
  cases.push({ name: "no root: all negative", values: [-100, -200, -300] });
  cases.push({ name: "no root: all zero", values: [0, 0, 0] });
  cases.push({ name: "no root: single value", values: [-100] });
  return cases;
}

function datedCases() {
  const r = random(0x58495252);
  const docDates = [
    serial(2008, 1, 1),
    serial(2008, 3, 1),
    serial(2008, 10, 30),
    serial(2009, 2, 15),
    serial(2009, 4, 1),
  ];
  const docValues = [-10000, 2750, 4250, 3250, 2750];
  const xnpv = [{ name: "excel-doc XNPV(0.09, ...)", rate: 0.09, values: docValues, dates: docDates }];
  const xirr = [
    { name: "excel-doc XIRR", values: docValues, dates: docDates },
    { name: "excel-doc XIRR guess 0.1", values: docValues, dates: docDates, guess: 0.1 },
  ];

  for (let i = 1; i <= 30; i++) {
    const n = r.int(2, 50);
    const start = serial(r.int(1995, 2030), r.int(1, 12), r.int(1, 28));
    const span = Math.round(r.uniform(1, 10) * 365.25);
    const dates = [start];
    for (let j = 1; j < n; j++) dates.push(start + r.int(0, span));
    if (i % 2 === 0) dates.sort((a, b) => a - b); // half in date order, half in any order after the first
    const outlay = r.amount(10 ** r.uniform(2, 8));
    const multiple = r.uniform(0.6, 3);
    const values = [-outlay];
    for (let j = 1; j < n; j++) {
      const sign = i % 6 === 0 && r.next() < 0.2 ? -0.3 : 1; // a few later outflows
      values.push(round(sign * ((outlay * multiple) / (n - 1)) * r.uniform(0.3, 1.7), 2));
    }
    xnpv.push({
      name: `random xnpv ${i} (n=${n})`,
      rate: round(r.uniform(-0.3, 0.6), r.int(2, 5)),
      values,
      dates,
    });
    const c = { name: `random xirr ${i} (n=${n})`, values, dates };
    if (i % 3 === 0) c.guess = r.pick([0.05, 0.1, 0.2, -0.1]);
    xirr.push(c);
  }

  const d0 = serial(2020, 2, 29);
  const twice = { values: [-1000, 300, 400, 500], dates: [d0, d0 + 100, d0 + 100, d0 + 365] };
  xnpv.push({ name: "same date twice", rate: 0.08, ...twice });
  xirr.push({ name: "same date twice", ...twice });
  const first = { values: [-1000, 600, 600], dates: [d0, d0, d0 + 400] };
  xnpv.push({ name: "second flow on the first date", rate: 0.08, ...first });
  xirr.push({ name: "second flow on the first date", ...first });

  const thirty = { values: [-250000], dates: [serial(1995, 7, 1)] };
  for (let y = 1; y <= 30; y++) {
    thirty.values.push(round(18000 * 1.02 ** y, 2));
    thirty.dates.push(serial(1995 + y, 7, 1));
  }
  xnpv.push({ name: "30 years annual, leap days inside", rate: 0.055, ...thirty });
  xirr.push({ name: "30 years annual, leap days inside", ...thirty });

  xnpv.push({ name: "rate 0 is the plain sum", rate: 0, values: docValues, dates: docDates });
  xirr.push({
    name: "very large xirr (-1, 100 after a year)",
    values: [-1, 100],
    dates: [39448, 39448 + 365],
  });
  xirr.push({
    name: "very negative xirr (-100, 1 after a year)",
    values: [-100, 1],
    dates: [39448, 39448 + 365],
  });

  const early = {
    values: [-1000, 400, 700],
    dates: [serial(2010, 6, 1), serial(2010, 5, 1), serial(2011, 6, 1)],
  };
  // Excel gives #NUM! for a date before the first; recorded as whatever LibreOffice does.
  xnpv.push({ name: "a date before the first date", rate: 0.1, ...early });
  xirr.push({ name: "a date before the first date", ...early });
  // Excel truncates dates to whole days.
  const fractional = { values: docValues, dates: docDates.map((d, i) => d + [0.75, 0.5, 0.25, 0.9, 0.1][i]) };
  xnpv.push({ name: "fractional date serials", rate: 0.09, ...fractional });
  xirr.push({ name: "fractional date serials", ...fractional });
  xnpv.push({ name: "error: rate -1", rate: -1, values: docValues, dates: docDates });
  xnpv.push({ name: "error: rate -1.5", rate: -1.5, values: docValues, dates: docDates });
  xirr.push({ name: "error: no sign change", values: [100, 200, 300], dates: [39448, 39813, 40179] });
  xirr.push({ name: "error: guess -1", values: docValues, dates: docDates, guess: -1 });
  return { xnpv, xirr };
}

// ---------------------------------------------------------------------------------------------
// Spreadsheet: sheet R has one row per case (A result, B its exact encoding, C rate or guess,
// D encoding of C); sheet V holds the cash flows and D the dates on the same row; sheet E encodes
// every input of V so the script can prove LibreOffice read the same doubles.

function column(index) {
  let name = "";
  for (let i = index + 1; i > 0; i = Math.floor((i - 1) / 26))
    name = String.fromCharCode(65 + ((i - 1) % 26)) + name;
  return name;
}

const xml = (s) => String(s).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

function encode(ref) {
  const k = `(56-INT(LOG(ABS(${ref});2)))`;
  return `IF(ISERROR(${ref});"";IF(${ref}=0;"0";SIGN(${ref})&":"&${k}&":"&BASE(ABS(${ref})*2^${k};16)))`;
}

function decode(text) {
  if (text === "0") return 0;
  const [sign, k, hex] = text.split(":");
  let value = Number(BigInt(`0x${hex}`)); // exact: the significand has at most 53 bits
  for (let e = Number(k); e !== 0; ) {
    const step = Math.max(-1000, Math.min(1000, e)); // stay clear of overflow in 2^e
    value /= 2 ** step;
    e -= step;
  }
  return Number(sign) * value;
}

const formulaCell = (f) => `<table:table-cell table:formula="of:=${xml(f)}"/>`;
const numberCell = (x) => `<table:table-cell office:value-type="float" office:value="${x}"/>`;
const emptyCell = "<table:table-cell/>";

function formula(kind, c, row) {
  const n = c.values.length;
  const values = `[$V.A${row}:.${column(n - 1)}${row}]`;
  const dates = `[$D.A${row}:.${column(n - 1)}${row}]`;
  const param = c.rate ?? c.guess;
  const extra = param === undefined ? "" : `;[.C${row}]`;
  switch (kind) {
    case "npv":
      return `NPV([.C${row}];${values})`;
    case "irr":
      return `IRR(${values}${extra})`;
    case "xnpv":
      return `XNPV([.C${row}];${values};${dates})`;
    case "xirr":
      return `XIRR(${values};${dates}${extra})`;
  }
}

function spreadsheet(rows) {
  const table = (name, body) => `<table:table table:name="${name}">${body}</table:table>\n`;
  const row = (cells) => `<table:table-row>${cells.join("")}</table:table-row>\n`;
  const r = rows.map(({ kind, c }, i) => {
    const param = c.rate ?? c.guess;
    return row([
      formulaCell(formula(kind, c, i + 1)),
      formulaCell(encode(`[.A${i + 1}]`)),
      param === undefined ? emptyCell : numberCell(param),
      formulaCell(encode(`[.C${i + 1}]`)),
    ]);
  });
  const v = rows.map(({ c }) => row(c.values.map(numberCell)));
  const d = rows.map(({ c }) => row((c.dates ?? []).map(numberCell)));
  const e = rows.map(({ c }, i) =>
    row(c.values.map((_, j) => formulaCell(encode(`[$V.${column(j)}${i + 1}]`)))),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:body><office:spreadsheet>
${table("R", r.join(""))}${table("V", v.join(""))}${table("D", d.join(""))}${table("E", e.join(""))}</office:spreadsheet></office:body></office:document>
`;
}

// Minimal CSV reader: LibreOffice quotes a field only when it holds a comma, quote or newline.
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else if (ch !== "\r") field += ch;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

function recalculate(rows) {
  const dir = mkdtempSync(join(tmpdir(), "buyin-lo-"));
  try {
    const input = join(dir, "cases.fods");
    writeFileSync(input, spreadsheet(rows));
    mkdirSync(join(dir, "out"));
    // A private profile avoids clashing with a running LibreOffice and with first-start dialogs.
    // CSV filter tokens: comma, double quote, UTF-8, from line 1, no formats, language default,
    // quote-all off, special numbers on, "as shown" off (raw values), formulas off, trim off,
    // -1 = every sheet to its own file (cases-R.csv, ...).
    const filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
    execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${join(dir, "profile")}`,
        "--headless",
        "--convert-to",
        filter,
        "--outdir",
        join(dir, "out"),
        input,
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    const sheet = (name) => parseCsv(readFileSync(join(dir, "out", `cases-${name}.csv`), "utf8"));
    return { r: sheet("R"), e: sheet("E") };
  } finally {
    if (process.env.KEEP) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Sanity checks in plain Node: the engine's result must agree with the textbook formula.

const years = (dates, i) => (Math.trunc(dates[i]) - Math.trunc(dates[0])) / 365; // whole days, as Excel
const pv = {
  npv: (rate, values) => values.map((v, i) => v / (1 + rate) ** (i + 1)),
  irr: (rate, values) => values.map((v, i) => v / (1 + rate) ** i),
  xnpv: (rate, values, dates) => values.map((v, i) => v / (1 + rate) ** years(dates, i)),
};
pv.xirr = pv.xnpv;

function check(kind, c, x) {
  const terms =
    kind === "npv" || kind === "xnpv" ? pv[kind](c.rate, c.values, c.dates) : pv[kind](x, c.values, c.dates);
  const sum = terms.reduce((a, b) => a + b, 0);
  const scale = terms.reduce((a, b) => a + Math.abs(b), 0);
  const miss = kind === "npv" || kind === "xnpv" ? Math.abs(sum - x) / scale : Math.abs(sum) / scale;
  if (!(miss < 1e-9))
    console.warn(`check: ${kind} "${c.name}" misses the formula by ${miss.toExponential(2)} (relative)`);
}

function main() {
  const version = execFileSync(SOFFICE, ["--version"], { encoding: "utf8" }).trim();
  const { xnpv, xirr } = datedCases();
  const fixture = { npv: npvCases(), irr: irrCases(), xnpv, xirr };
  const rows = Object.entries(fixture).flatMap(([kind, cases]) => cases.map((c) => ({ kind, c })));
  const { r, e } = recalculate(rows);

  const results = {};
  rows.forEach(({ kind, c }, i) => {
    const [raw, exact, , paramExact] = r[i];
    const param = c.rate ?? c.guess;
    if (param !== undefined && decode(paramExact) !== param)
      throw new Error(`"${c.name}": rate/guess misread`);
    c.values.forEach((v, j) => {
      if (decode(e[i][j]) !== v) throw new Error(`"${c.name}": value ${v} read as ${e[i][j]}`);
    });
    const out = { name: c.name };
    if (c.rate !== undefined) out.rate = c.rate;
    out.values = c.values;
    if (c.dates) out.dates = c.dates;
    if (c.guess !== undefined) out.guess = c.guess;
    if (exact === "") {
      out.error = raw;
    } else {
      const x = decode(exact);
      // The exact value must round to the 15 digits LibreOffice printed itself.
      if (!Number.isFinite(x) || Math.abs(x - Number(raw)) > 1e-14 * Math.abs(x)) {
        throw new Error(`"${c.name}": decoded ${x} does not match printed ${raw}`);
      }
      out.expected = x;
      check(kind, c, x);
    }
    results[kind] ??= [];
    results[kind].push(out);
  });

  // One case per line keeps the fixture readable and its diffs small.
  const source = `LibreOffice Calc ${version.replace(/^LibreOffice /, "")}, recomputed headless by tools/reference/libreoffice-reference.mjs`;
  const sections = Object.entries(results).map(
    ([kind, cases]) => `  "${kind}": [\n${cases.map((c) => `    ${JSON.stringify(c)}`).join(",\n")}\n  ]`,
  );
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `{\n  "source": ${JSON.stringify(source)},\n${sections.join(",\n")}\n}\n`);

  for (const [kind, cases] of Object.entries(results)) {
    const errors = cases.filter((c) => "error" in c).length;
    console.log(`${kind}: ${cases.length} cases, ${errors} errors`);
  }
  console.log(`wrote ${OUT} (${source})`);
}

main();
