// Cold start of the add-in under Pyodide (the engine of xlwings Lite), in Node.
//
//   python excel_addin/pyodide/fetch_wheels.py --dest /tmp/sk-wheels
//   (cd excel_addin/pyodide && npm ci)
//   node benchmarks/bench_pyodide_start.mjs --wheels /tmp/sk-wheels [--root DIR] [--runs 5]
//
// Each run is a fresh Node process with a fresh Pyodide interpreter. The pure
// wheels in --wheels (xlwings, attrs, holidays, ...) are unpacked into
// site-packages; src/sendkit, excel_addin/sendkit_excel and
// excel_addin/lite/main.py of the tree at --root (default: this checkout) are
// copied in, as run_pyodide.mjs does. Then, timed from the moment the
// interpreter is ready:
//   import  - `import sendkit`, then `import main` (Lite loads the workbook's main.py, which imports
//             sendkit_excel.functions and so sendkit);
//   first   - the first formula answer, =SK_WORKDAY(15/04/2025, 5), through
//             xlwings.server.custom_functions_call as Lite calls it;
//   then    - the first =SK_EHC_DUE(08/01/2024) table and the first SK_DFE figure,
//             which load sendkit's EHC and DfE parts on first use.
// It prints the median of each phase over --runs processes, and the seconds
// from a fresh interpreter to the first formula answer (import + first).
// Use --root with a `git archive` of another commit to measure a baseline:
//   mkdir /tmp/before && git archive dd6a7f6 src excel_addin | tar -x -C /tmp/before
//   node benchmarks/bench_pyodide_start.mjs --wheels /tmp/sk-wheels --root /tmp/before
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const checkout = path.resolve(here, "..");

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : process.argv[at + 1];
}

const wheelsDir = option("wheels", null);
const root = path.resolve(option("root", checkout));
const runs = Number(option("runs", "5"));
const pyodideDir = path.resolve(
  option("pyodide", path.join(checkout, "excel_addin", "pyodide", "node_modules", "pyodide")),
);
if (!wheelsDir) {
  console.error("usage: node bench_pyodide_start.mjs --wheels DIR [--root DIR] [--runs N]");
  process.exit(2);
}

const bytes = (file) => new Uint8Array(fs.readFileSync(file));

function copyTree(py, from, to) {
  py.FS.mkdirTree(to);
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (entry.name === "__pycache__") continue;
    const source = path.join(from, entry.name);
    const target = `${to}/${entry.name}`;
    if (entry.isDirectory()) copyTree(py, source, target);
    else py.FS.writeFile(target, bytes(source));
  }
}

const FIRST_CALL = `
import os
os.environ["XLWINGS_ON_SERVER"] = "true"
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")
import time
t0 = time.perf_counter()
import sendkit
ts = time.perf_counter()
import main
import xlwings as xw
import xlwings.server as xs
t1 = time.perf_counter()
data = {
    "client": "Office.js", "func_name": "sk_workday", "args": [[[45762]], [[5]]],
    "caller_address": "[Book1.xlsx]Sheet1!B2", "culture_info_name": "en-GB",
    "date_format": "dd/mm/yyyy", "version": xw.__version__, "runtime": "1.4",
}
answer = await xs.custom_functions_call(data, main)
t2 = time.perf_counter()
# Formulas load their part of sendkit on first use: time the first EHC table
# and the first DfE figure after that (not part of "first formula answer").
later = {}
for name, args in (
    ("sk_ehc_due", [[[45299]], None]),
    ("sk_dfe", [[["Derbyshire"]], [["pc_within_20_weeks"]], [[2024]]]),
):
    t = time.perf_counter()
    await xs.custom_functions_call({**data, "func_name": name, "args": args}, main)
    later[name] = time.perf_counter() - t
import json
json.dumps({"sendkit": ts - t0, "import": t1 - t0, "first": t2 - t1, "answer": answer[0][0],
            "ehc": later["sk_ehc_due"], "dfe": later["sk_dfe"]})
`;

async function child() {
  const started = performance.now();
  const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")));
  const py = await loadPyodide({ stdout: () => {}, stderr: (s) => console.error(s) });
  const sitePackages = py.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
  for (const name of fs.readdirSync(wheelsDir).filter((n) => n.endsWith(".whl")).sort()) {
    if (name.startsWith("sendkit")) continue; // the tree under test is copied in below
    py.unpackArchive(bytes(path.join(wheelsDir, name)), "wheel", { extractDir: sitePackages });
  }
  const lib = "/home/pyodide/lib";
  copyTree(py, path.join(root, "src", "sendkit"), `${lib}/sendkit`);
  copyTree(py, path.join(root, "excel_addin", "sendkit_excel"), `${lib}/sendkit_excel`);
  py.FS.writeFile(`${lib}/main.py`, bytes(path.join(root, "excel_addin", "lite", "main.py")));
  py.runPython(`import sys; sys.path.insert(0, "${lib}")`);
  const ready = (performance.now() - started) / 1000;
  const timings = JSON.parse(await py.runPythonAsync(FIRST_CALL));
  process.stdout.write(JSON.stringify({ ready, ...timings }) + "\n");
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function parent() {
  const samples = [];
  for (let i = 0; i < runs; i += 1) {
    const args = [fileURLToPath(import.meta.url), "--child", "--wheels", wheelsDir,
      "--root", root, "--pyodide", pyodideDir];
    const result = spawnSync(process.execPath, args, { encoding: "utf8" });
    if (result.status !== 0) {
      console.error(result.stderr);
      process.exit(1);
    }
    samples.push(JSON.parse(result.stdout.trim().split("\n").pop()));
  }
  const fmt = (key) => median(samples.map((s) => s[key])).toFixed(2);
  const total = median(samples.map((s) => s.import + s.first)).toFixed(2);
  console.log(`tree: ${root}`);
  console.log(`baseline: none (absolute seconds); ${runs} fresh Node+Pyodide processes, medians`);
  console.log(`input: =SK_WORKDAY(15/04/2025, 5) via xlwings.server.custom_functions_call`);
  console.log(`answer: ${JSON.stringify(samples[0].answer)}`);
  console.log(`pyodide load + wheels unpacked: ${fmt("ready")} s (not sendkit's)`);
  console.log(`import main (sendkit_excel, xlwings, sendkit): ${fmt("import")} s`);
  console.log(`  of which import sendkit: ${fmt("sendkit")} s`);
  console.log(`first formula answer: ${fmt("first")} s`);
  console.log(`fresh interpreter -> first formula answer: ${total} s`);
  if (samples[0].ehc !== undefined) {
    console.log(`then the first SK_EHC_DUE table: ${fmt("ehc")} s; the first SK_DFE figure: ${fmt("dfe")} s`);
  }
}

if (process.argv.includes("--child")) await child();
else parent();
