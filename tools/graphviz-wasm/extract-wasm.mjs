// Runs @viz-js/viz's backend once under node and saves the WebAssembly module it instantiates.
// Usage: node extract-wasm.mjs <package>/lib/backend.js <out.wasm>   (tools/graphviz-wasm/reproduce.sh calls it)
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
const [backendPath, outPath] = process.argv.slice(2);
const original = WebAssembly.instantiate;
let saved = false;
WebAssembly.instantiate = async (bytes, imports) => {
  if (!saved && (bytes instanceof Uint8Array || bytes instanceof ArrayBuffer)) {
    writeFileSync(outPath, new Uint8Array(bytes instanceof ArrayBuffer ? bytes : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)));
    saved = true;
  }
  return original(bytes, imports);
};
const backend = await import(pathToFileURL(backendPath).href);
await backend.default();
if (!saved) { console.error("no WebAssembly module was instantiated"); process.exit(1); }
