// Writes an SSB StatBank-style population file (table 07459's CSV export: quoted title line, a
// blank line, then region;sex;age;year;persons, UTF-8, CRLF, ';', quoted labels): every 2024
// municipality x sex x age 0-105, one year after another up to 2025, as many years as make about
// the size asked for (40 years, 1986-2025: 145 MB, 3 027 360 rows). The persons are pseudo-random
// (fixed seed), so the same size gives the same bytes. It also returns the checksum every
// contestant must find: Oslo's (0301) population in 2025, all ages and both sexes.
//
//   node bench/page/make-population.mjs OUT.csv [--size-mb N]     (default 145)
import { once } from 'node:events';
import { createWriteStream, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const LAST_YEAR = 2025;
export const CHECK_REGION = '0301';
const SEXES = ['Menn', 'Kvinner'];
const OLDEST = 105;

function municipalities() {
  const lines = readFileSync(join(root, 'data/registers/kommuner_2024.csv'), 'utf8').trim().split('\n').slice(1);
  return lines.map((line) => {
    const [code, name] = line.split(',');
    return `K-${code} ${name}`;
  });
}

// The oldest age is open, as in SSB's exports («105 år eller eldre»): the ages then make the whole
// population, which the reader checks.
const ageLabel = (age) => (age === OLDEST ? `${age} år eller eldre` : `${age} år`);
const row = (region, sex, age, year, n) => `"${region}";"${sex}";"${ageLabel(age)}";"${year}";${n}\r\n`;

export async function writePopulation(path, aboutBytes) {
  const regions = municipalities();
  const out = createWriteStream(path);
  const put = async (text) => { if (!out.write(text)) await once(out, 'drain'); };
  let bytes = 0;
  let rows = 0;
  let check = 0;
  let seed = 1;
  const persons = () => { // an LCG (Numerical Recipes), 0..900
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return (seed >>> 8) % 901;
  };
  const head = '"07459: Befolkning, etter region, kjønn, alder, år og statistikkvariabel"\r\n\r\n' +
    '"region";"kjønn";"alder";"år";"Personer"\r\n';
  await put(head);
  bytes += Buffer.byteLength(head);
  let yearBytes = 0; // a year's rows, taking every count as three digits (they average 2.9)
  for (const region of regions) {
    for (const sex of SEXES) for (let age = 0; age <= OLDEST; age++) yearBytes += Buffer.byteLength(row(region, sex, age, LAST_YEAR, 100));
  }
  const years = Math.max(1, Math.round((aboutBytes - bytes) / yearBytes));
  const first = LAST_YEAR - years + 1;
  for (let year = first; year <= LAST_YEAR; year++) {
    for (const region of regions) {
      let block = '';
      for (const sex of SEXES) {
        for (let age = 0; age <= OLDEST; age++) {
          const n = persons();
          if (year === LAST_YEAR && region.startsWith(`K-${CHECK_REGION} `)) check += n;
          block += row(region, sex, age, year, n);
          rows++;
        }
      }
      bytes += Buffer.byteLength(block);
      await put(block);
    }
  }
  out.end();
  await once(out, 'finish');
  return { path, bytes, rows, groups: regions.length * years, years: [first, LAST_YEAR], check };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--size-mb');
  const mb = i >= 0 ? Number(args.splice(i, 2)[1]) : 145;
  if (args.length !== 1 || !(mb > 0)) {
    console.error('usage: node bench/page/make-population.mjs OUT.csv [--size-mb N]');
    process.exit(2);
  }
  const r = await writePopulation(args[0], mb * 1e6);
  console.log(`${r.path}: ${(r.bytes / 1e6).toFixed(1)} MB, ${r.rows} rows, years ${r.years.join('-')}, ` +
    `Oslo ${LAST_YEAR}: ${r.check}`);
}
