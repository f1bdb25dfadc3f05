#!/usr/bin/env node
// Builds the static site into dist/: the page, its bundled scripts (esbuild), Designsystemet's CSS,
// the WebAssembly module (from the emcmake build) and the synthetic example data. Every path in
// the page is relative, so dist/ works from any static host.
//
//   node scripts/build-web.mjs [--wasm-dir DIR] [--out DIR]
//   ARSVERK_WASM_DIR=DIR node scripts/build-web.mjs
import { build, transform } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import { anchorTableHas, purgeCss, usedClasses } from './purge-css.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const out = resolve(root, arg('--out') ?? 'dist');
const wasmCandidates = [arg('--wasm-dir'), process.env.ARSVERK_WASM_DIR, 'build-wasm/bin', 'build-wasm']
  .filter(Boolean).map((d) => resolve(root, d));

const exists = (p) => stat(p).then(() => true, () => false);

async function findWasm() {
  for (const dir of wasmCandidates) {
    if (await exists(join(dir, 'arsverk.js')) && await exists(join(dir, 'arsverk.wasm')) &&
      await exists(join(dir, 'arsverk.deferred.wasm')) && await exists(join(dir, 'arsverk.data'))) return dir;
  }
  throw new Error(`arsverk.js/arsverk.wasm/arsverk.deferred.wasm/arsverk.data not found in ${wasmCandidates.join(', ')}.\n` +
    'Build the module first: NODE_PATH=/usr/share/nodejs emcmake cmake -S . -B build-wasm -DCMAKE_BUILD_TYPE=Release ' +
    '&& cmake --build build-wasm -j2');
}

async function main() {
  const wasmDir = await findWasm();
  await rm(out, { recursive: true, force: true });
  await mkdir(join(out, 'css'), { recursive: true });
  await mkdir(join(out, 'eksempel'), { recursive: true });
  await mkdir(join(out, 'geo'), { recursive: true });
  await mkdir(join(out, 'register'), { recursive: true });

  const common = {
    bundle: true,
    format: 'iife',
    target: ['chrome110', 'firefox115', 'safari16'],
    minify: true,
    sourcemap: true,
    legalComments: 'eof',
    logLevel: 'warning',
  };
  // The page is an ES module split by esbuild: the map (web/src/map.js with chartjs-chart-geo,
  // d3-geo and topojson-client) is a separate chunk, imported only when the map is first opened.
  await build({
    ...common,
    format: 'esm',
    splitting: true,
    entryPoints: { app: join(root, 'web/src/main.js') },
    outdir: out,
    chunkNames: 'chunks/[name]-[hash]',
  });
  await build({ ...common, entryPoints: [join(root, 'web/src/worker.js')], outfile: join(out, 'worker.js') });

  const copies = [
    ['web/index.html', 'index.html'],
    ['web/styles.css', 'styles.css'],
    ['web/favicon.svg', 'favicon.svg'],
    ['node_modules/@digdir/designsystemet-css/dist/theme/designsystemet.css', 'css/designsystemet-theme.css'],
    ['data/example/eksempel_arsverk_2023.csv', 'eksempel/eksempel_arsverk_2023.csv'],
    ['data/example/eksempel_arsverk_2024_2025.csv', 'eksempel/eksempel_arsverk_2024_2025.csv'],
    ['data/example/README.md', 'eksempel/LESMEG.md'],
    // Boundaries for the map (© Kartverket / Geonorge and © Oslo kommune, CC BY 4.0; web/geo/README.md).
    ['web/geo/kommuner_2024.topojson', 'geo/kommuner_2024.topojson'],
    ['web/geo/fylker_2024.topojson', 'geo/fylker_2024.topojson'],
    ['web/geo/bydeler_oslo_2024.topojson', 'geo/bydeler_oslo_2024.topojson'],
    ['web/geo/kommuner_2020_2023.geojson', 'geo/kommuner_2020_2023.geojson'],
    ['web/geo/fylker_2020_2023.geojson', 'geo/fylker_2020_2023.geojson'],
    ['web/geo/README.md', 'geo/LESMEG.md'],
    // The form typed in by hand (web/src/grid.js) and the offline/print parts of the page.
    ['web/tools.css', 'tools.css'],
    ['web/print.css', 'print.css'],
    ['web/boot.js', 'boot.js'],
    // Unit names for the typed-in form's search (SSB / Kartverket, CC BY 4.0; data/README.md).
    ['data/registers/kommuner_2024.csv', 'register/kommuner_2024.csv'],
    ['data/registers/kommuner_2020_2023.csv', 'register/kommuner_2020_2023.csv'],
    ['data/registers/bydeler_oslo.csv', 'register/bydeler_oslo.csv'],
  ];
  for (const [from, to] of copies) await copyFile(join(root, from), join(out, to));
  // Designsystemet's components without those the page never uses (scripts/purge-css.mjs).
  const designsystem = await readFile(join(root, 'node_modules/@digdir/designsystemet-css/dist/src/index.css'), 'utf8');
  await writeFile(join(out, 'css/designsystemet.css'), anchorTableHas(purgeCss(designsystem, await usedClasses(join(root, 'web')))));
  // Emscripten's loader minified once more (local names; its code survives Closure's renaming), a
  // quarter smaller gzipped than Emscripten's own whitespace minification.
  const loader = await transform(await readFile(join(wasmDir, 'arsverk.js'), 'utf8'), { minify: true, target: common.target });
  await writeFile(join(out, 'arsverk.js'), loader.code);
  await copyFile(join(wasmDir, 'arsverk.wasm'), join(out, 'arsverk.wasm'));
  // The module's second part (wasm/CMakeLists.txt), fetched by the worker once it is ready.
  await copyFile(join(wasmDir, 'arsverk.deferred.wasm'), join(out, 'arsverk.deferred.wasm'));
  // Its registers, population and published figures, fetched beside the second part.
  await copyFile(join(wasmDir, 'arsverk.data'), join(out, 'arsverk.data'));

  // Licences of what is shipped: Chart.js (MIT), Designsystemet (MIT), @kurkle/color (MIT), and in the
  // map chunk chartjs-chart-geo (MIT), d3-geo, d3-array and the d3 colour/scale modules (ISC), topojson-client (ISC).
  const licences = [];
  const shipped = ['chart.js', '@kurkle/color', '@digdir/designsystemet-css', 'chartjs-chart-geo', 'topojson-client',
    'd3-geo', 'd3-array', 'd3-color', 'd3-interpolate', 'd3-scale', 'd3-scale-chromatic', 'd3-format', 'd3-time', 'd3-time-format', 'internmap'];
  for (const pkg of shipped) {
    if (!await exists(join(root, 'node_modules', pkg, 'package.json'))) continue;
    const dir = join(root, 'node_modules', pkg);
    const meta = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
    let text = '';
    for (const name of ['LICENSE.md', 'LICENSE', 'LICENSE.txt']) {
      if (await exists(join(dir, name))) { text = await readFile(join(dir, name), 'utf8'); break; }
    }
    licences.push(`${meta.name} ${meta.version} (${meta.license})\n\n${text.trim()}\n`);
  }
  await writeFile(join(out, 'THIRD-PARTY-LICENSES.txt'), licences.join('\n-----\n\n'));

  const version = await writeServiceWorker();

  const kib = async (f) => ((await stat(join(out, f))).size / 1024).toFixed(0);
  console.log(`built ${out} (wasm from ${wasmDir}, ${await kib('arsverk.wasm')} + ${await kib('arsverk.deferred.wasm')} KiB, ` +
    `offline version ${version})`);
}

async function filesUnder(dir) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...await filesUnder(path));
    else found.push(relative(out, path).split(sep).join('/'));
  }
  return found.sort();
}

// dist/sw.js: web/sw.js with the files to keep offline (all but source maps) and a version that is
// the hash of their content, so that any change to the build gives a new worker and a new cache.
async function writeServiceWorker() {
  const files = (await filesUnder(out)).filter((f) => !f.endsWith('.map') && f !== 'sw.js');
  const hash = createHash('sha256');
  for (const f of files) hash.update(`${f}\0`).update(await readFile(join(out, f))).update('\0');
  const version = hash.digest('hex').slice(0, 16);
  const template = await readFile(join(root, 'web/sw.js'), 'utf8');
  const list = files.map((f) => JSON.stringify(f)).join(', ');
  await writeFile(join(out, 'sw.js'), template.replace("'__VERSION__'", JSON.stringify(version)).replace("['__FILES__']", `[${list}]`));
  return version;
}

main().catch((err) => {
  console.error(`build-web: ${err.message}`);
  process.exit(1);
});
