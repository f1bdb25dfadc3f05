// A table wider than its box (the comparison table on a phone) fades out at its right edge until it
// is scrolled to its end, so that a cut column says the table goes on sideways: `data-cut` on a
// `.table-scroll` (web/styles.css); its caption does not fade: `--caption-bottom`, where the caption
// ends in the box, is where the fade begins. Measured by a ResizeObserver (after layout, so no
// layout is forced) when the box or its table changes size, and on scrolling.
const watched = new WeakSet();

function mark(box) {
  const cut = box.scrollLeft + box.clientWidth < box.scrollWidth - 1;
  if (cut !== ('cut' in box.dataset)) box.toggleAttribute('data-cut', cut);
  const caption = box.querySelector(':scope > table > caption');
  const bottom = cut && caption ? Math.max(0, Math.ceil(caption.getBoundingClientRect().bottom - box.getBoundingClientRect().top)) : 0;
  if (box.style.getPropertyValue('--caption-bottom') !== `${bottom}px`) box.style.setProperty('--caption-bottom', `${bottom}px`);
}

const resized = new ResizeObserver((entries) => {
  for (const entry of entries) {
    const box = entry.target.closest('.table-scroll');
    if (box) mark(box);
  }
});

// Watches the boxes and tables in `root` (itself one, or holding some) not watched yet: a render
// replaces them.
export function watchScrollHints(root) {
  const boxes = root.matches('.table-scroll') ? [root] : root.querySelectorAll('.table-scroll');
  for (const box of boxes) {
    const table = box.querySelector(':scope > table');
    for (const target of [box, table]) {
      if (!target || watched.has(target)) continue;
      watched.add(target);
      resized.observe(target);
      if (target === box) box.addEventListener('scroll', () => mark(box), { passive: true });
    }
  }
}
