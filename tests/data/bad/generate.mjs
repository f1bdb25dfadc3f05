#!/usr/bin/env node
// Writes the catalogue's generated entries (manifest.json, "generated") to a directory, for
// tests that need them as files (the browser suite). The native suite streams them instead.
//   node tests/data/bad/generate.mjs OUT_DIR [NAME...]   (default: every generated entry)
// Each entry's bytes are its parts concatenated, each part's text repeated `repeat` times.
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';

const here = dirname(fileURLToPath(import.meta.url));
const manifest = JSON.parse(readFileSync(join(here, 'manifest.json'), 'utf8'));

export async function writeGenerated(entry, path) {
  const out = createWriteStream(path);
  for (const part of entry.generated.parts) {
    const text = Buffer.from(part.text, 'utf8');
    let left = part.repeat ?? 1;
    if (text.length === 0 || left === 0) continue;
    const per = Math.max(1, Math.floor((1 << 20) / text.length));
    const block = Buffer.concat(Array(Math.min(per, left)).fill(text));
    while (left > 0) {
      const n = Math.min(left, per);
      if (!out.write(n === per ? block : block.subarray(0, n * text.length))) await once(out, 'drain');
      left -= n;
    }
  }
  out.end();
  await once(out, 'finish');
}

export const generatedEntries = manifest.files.filter((f) => f.generated);

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [outDir, ...names] = process.argv.slice(2);
  if (!outDir) {
    console.error('usage: node tests/data/bad/generate.mjs OUT_DIR [NAME...]');
    process.exit(2);
  }
  mkdirSync(outDir, { recursive: true });
  for (const entry of generatedEntries) {
    if (names.length && !names.includes(entry.name)) continue;
    await writeGenerated(entry, join(outDir, entry.name));
    console.log(`${entry.name}: ${entry.generated.description}`);
  }
}
