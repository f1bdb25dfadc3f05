// Where the form (web/src/grid.js) keeps a draft, only when the user asks for it (nothing is
// stored unless asked): apart from the form's code, so that the page can tell at the start whether
// to load it.
export const DRAFT_KEY = 'arsverk.skjema.utkast';

export function hasKeptDraft() {
  try {
    return window.localStorage.getItem(DRAFT_KEY) != null;
  } catch {
    return false; // storage refused: no draft can have been kept
  }
}
