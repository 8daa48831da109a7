// Run a Python script under Pyodide (the engine of xlwings Lite) in Node.
//
//   node run_pyodide.mjs <wheels-dir> <script.py> <package-dir-or-file>...
//
// Every .whl in <wheels-dir> is unpacked into site-packages (micropip is not
// in the npm package, and nothing is fetched from a CDN). Each package folder
// (such as src/sendkit) or module file (such as lite/main.py) is copied into
// /home/pyodide/lib, which is put on sys.path. The script must define
// `async def run() -> str`; its result is printed on stdout, and Python's own
// output goes to stderr.
import fs from "node:fs";
import path from "node:path";
import { loadPyodide } from "pyodide";

const [wheelsDir, scriptPath, ...packageDirs] = process.argv.slice(2);
if (!wheelsDir || !scriptPath) {
  console.error("usage: node run_pyodide.mjs <wheels-dir> <script.py> <package-dir>...");
  process.exit(2);
}

// Pyodide wants a Uint8Array, not a Node Buffer.
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

const py = await loadPyodide({ stdout: (s) => console.error(s), stderr: (s) => console.error(s) });
const sitePackages = py.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
for (const name of fs.readdirSync(wheelsDir).filter((n) => n.endsWith(".whl")).sort()) {
  py.unpackArchive(bytes(path.join(wheelsDir, name)), "wheel", { extractDir: sitePackages });
}
const lib = "/home/pyodide/lib";
py.FS.mkdirTree(lib);
for (const item of packageDirs) {
  const target = `${lib}/${path.basename(item)}`;
  if (fs.statSync(item).isDirectory()) copyTree(py, item, target);
  else py.FS.writeFile(target, bytes(item));
}
py.runPython(`import sys; sys.path.insert(0, "${lib}")`);

await py.runPythonAsync(fs.readFileSync(scriptPath, "utf8"));
const result = await py.runPythonAsync("await run()");
process.stdout.write(String(result) + "\n");
