// Drops from Designsystemet's stylesheet the rules for components the page never uses. A rule goes
// only when each of its selectors requires a `ds-` class that appears nowhere in the page's HTML,
// scripts and styles (so it can match no element; canMatch says what a selector requires). Used by
// scripts/build-web.mjs.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

const CLASS = /ds-[A-Za-z0-9_-]+/g;

// Every ds- class name written anywhere in the page's own sources.
export async function usedClasses(webDir) {
  const used = new Set();
  const walk = async (dir) => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) await walk(path);
      else if (/\.(html|js|mjs|css)$/.test(e.name)) for (const m of (await readFile(path, 'utf8')).match(CLASS) ?? []) used.add(m);
    }
  };
  await walk(webDir);
  return used;
}

// Index just past a string or comment starting at i, or i when there is none.
function skipQuoted(css, i) {
  const c = css[i];
  if (c === '"' || c === "'") {
    let j = i + 1;
    while (j < css.length && css[j] !== c) j += css[j] === '\\' ? 2 : 1;
    return j + 1;
  }
  if (c === '/' && css[i + 1] === '*') {
    const end = css.indexOf('*/', i + 2);
    return end < 0 ? css.length : end + 2;
  }
  return i;
}

// The next '{', ';' or '}' at nesting depth 0 of brackets and parentheses, from i.
function nextDelimiter(css, i) {
  let depth = 0;
  while (i < css.length) {
    const j = skipQuoted(css, i);
    if (j !== i) { i = j; continue; }
    const c = css[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (depth === 0 && (c === '{' || c === ';' || c === '}')) return i;
    i++;
  }
  return i;
}

function matchingBrace(css, open) {
  let depth = 0;
  for (let i = open; i < css.length;) {
    const j = skipQuoted(css, i);
    if (j !== i) { i = j; continue; }
    if (css[i] === '{') depth++;
    else if (css[i] === '}' && --depth === 0) return i;
    i++;
  }
  throw new Error('purge-css: unbalanced braces');
}

function splitSelectors(prelude) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < prelude.length; i++) {
    const c = prelude[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) { parts.push(prelude.slice(start, i)); start = i + 1; }
  }
  parts.push(prelude.slice(start));
  return parts;
}

// Whether a selector can match an element of the page: every ds- class it requires is used. A
// class inside :is(), :where() or :has() is required only when no other alternative of that list
// can match; one inside :not() or any other function (:nth-child(… of S)) requires nothing; a
// [class…] attribute can name any class, so such a selector is kept.
function canMatch(selector, used) {
  if (/\[class/.test(selector)) return true;
  let plain = '';
  for (let i = 0; i < selector.length; i++) {
    const fn = /^:([a-z-]+)\(/.exec(selector.slice(i, i + 24));
    if (!fn) { plain += selector[i]; continue; }
    const open = i + fn[0].length - 1;
    let depth = 0;
    let close = open;
    for (; close < selector.length; close++) {
      if (selector[close] === '(') depth++;
      else if (selector[close] === ')' && --depth === 0) break;
    }
    const inner = selector.slice(open + 1, close);
    if (['is', 'where', 'has'].includes(fn[1]) && !splitSelectors(inner).some((s) => canMatch(s, used))) return false;
    plain += ' ';
    i = close;
  }
  return (plain.match(CLASS) ?? []).every((c) => used.has(c));
}

const GROUPING = /^@(media|supports|layer|container|scope|document)\b/;

export function purgeCss(css, used) {
  let out = '';
  let i = 0;
  while (i < css.length) {
    const d = nextDelimiter(css, i);
    if (d >= css.length || css[d] !== '{') {
      out += css.slice(i, Math.min(d + 1, css.length));
      i = d + 1;
      continue;
    }
    const prelude = css.slice(i, d);
    const close = matchingBrace(css, d);
    const body = css.slice(d + 1, close);
    i = close + 1;
    const name = prelude.trim();
    if (name.startsWith('@')) {
      if (!GROUPING.test(name)) { out += `${prelude}{${body}}`; continue; }
      const inner = purgeCss(body, used);
      if (inner.trim()) out += `${prelude}{${inner}}`;
      continue;
    }
    const kept = splitSelectors(prelude).filter((s) => canMatch(s, used));
    if (kept.length) out += `${kept.join(',')}{${body.includes('{') ? purgeCss(body, used) : body}}`;
  }
  return out;
}

// Designsystemet writes «a bordered table without a thead (tfoot)» as `:not(:has(thead)) tbody`
// inside the table's `>:is(…)`: a table body with *any* ancestor that lacks a thead. Chromium then
// watches every ancestor of every table body for :has() changes, and a change of year that writes
// a few texts restyles some 500 elements instead of 90 (docs/performance.md). The nearest such
// ancestor is the table itself, since an element holding the table holds its thead too: the
// table's own :not(:has(thead)) picks the same cells, with the same specificity.
const TABLE_PART = /(^|[\s,(>+~])\.ds-table\[data-border\]>:is\((thead|tfoot)(:(?:first|last)-of-type),:not\(:has\(\2\)\) tbody\3\)/gm;

export function anchorTableHas(css) {
  return css.replace(TABLE_PART, (_, before, part, position) =>
    `${before}:is(.ds-table[data-border]>${part}${position},.ds-table[data-border]:not(:has(${part}))>tbody${position})`);
}

// A :not(:has()) as a compound of its own, right after a combinator or at a selector's start: it
// stands for any ancestor (or sibling). Designsystemet's other subject-less :has(), on the hover
// of a label around an input, is left as it is: it costs nothing measurable here.
export const UNANCHORED_NOT_HAS = /(^|[\s,(>+~]):not\(:has\(/m;
