// Writing into the page by changing only what differs from what is there. A panel written anew
// (innerHTML, replaceChildren) has every element in it restyled and laid out again, about 20 µs an
// element here (docs/performance.md): a change of year that rewrites the key figures and the
// selects costs more than a frame. Kept elements also keep their focus and scroll position.

let template = null; // made at first use: modules that import this one also run under Node

// `target`'s children made equal to those `html` describes. An element there stands for the one
// wanted when it has the same id, or else the same name and class and no id; it is taken from
// further on when a sibling before it has come or gone (a note shown one year and not the next),
// and gets its attributes and children updated; a text gets its data. The rest is added or removed.
// Listeners belong on `target` (delegated), since which elements are kept is not promised.
export function writeHtml(target, html) {
  template ??= document.createElement('template');
  template.innerHTML = html;
  updateChildren(target, template.content);
}

const keyOf = (node) => (node.nodeType !== Node.ELEMENT_NODE ? node.nodeName
  : node.id ? `#${node.id}` : `${node.nodeName}.${node.getAttribute('class') ?? ''}`);

function updateChildren(into, from) {
  let have = into.firstChild;
  let want = from.firstChild;
  while (want) {
    const next = want.nextSibling;
    const key = keyOf(want);
    let kept = have;
    if (want.nodeType === Node.ELEMENT_NODE) while (kept && keyOf(kept) !== key) kept = kept.nextSibling;
    else if (kept && keyOf(kept) !== key) kept = null; // a text where a text is, or a new one
    if (!kept) {
      into.insertBefore(want, have);
    } else {
      if (kept === have) have = have.nextSibling;
      else into.insertBefore(kept, have);
      update(kept, want);
    }
    want = next;
  }
  while (have) {
    const next = have.nextSibling;
    have.remove();
    have = next;
  }
}

// Attributes the page sets on written elements after layout (web/src/scroll-hint.js), which no html
// says: a kept element keeps them, and its observer changes them when its size does. (No html the
// page writes has a style attribute: the Content-Security-Policy would refuse it.)
const SET_AFTER = new Set(['data-cut', 'style']);

function update(have, want) {
  if (have.nodeType !== Node.ELEMENT_NODE) {
    if (have.data !== want.data) have.data = want.data;
    return;
  }
  for (const name of have.getAttributeNames()) if (!want.hasAttribute(name) && !SET_AFTER.has(name)) have.removeAttribute(name);
  for (const name of want.getAttributeNames()) {
    const value = want.getAttribute(name);
    if (have.getAttribute(name) !== value) have.setAttribute(name, value);
  }
  updateChildren(have, want);
}

// A <select>'s options, [value, text] pairs, with `selected` chosen: the options there are kept
// and only those that differ are changed.
export function setOptions(select, items, selected) {
  const options = select.options;
  items.forEach(([value, text], i) => {
    const option = options[i] ?? select.appendChild(document.createElement('option'));
    if (option.getAttribute('value') !== value) option.value = value;
    setText(option, text);
  });
  while (options.length > items.length) options[options.length - 1].remove();
  // None chosen: the first, as a select shows one without a selected option.
  const index = Math.max(0, items.findIndex(([value]) => value === selected));
  if (items.length && select.selectedIndex !== index) select.selectedIndex = index;
}

// An element's text, changed only when it differs, and in its text node when it has one: setting
// textContent replaces the node even with the same text, and an insertion is restyled more widely
// than a text's data changed (Designsystemet's :has() rules watch insertions).
export function setText(element, text) {
  const only = element.firstChild;
  if (only && only === element.lastChild && only.nodeType === Node.TEXT_NODE) {
    if (only.data !== text) only.data = text;
  } else if (element.textContent !== text) element.textContent = text;
}
