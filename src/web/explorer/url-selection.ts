/**
 * The selection carried in the page's URL (`/explorer#id=nation:gbr`): a link opens the explorer on
 * that node instead of the latest meeting, and the address bar always names what is selected.
 */

export function selectionFromHash(hash: string): string | null {
  const id = new URLSearchParams(hash.replace(/^#/, '')).get('id')?.trim();
  return id ? id : null;
}

/** Names the selection in the URL without adding a history entry per click. */
export function showSelectionInUrl(id: string): void {
  // Colons stay as they are: `#id=nation:gbr` reads better than `#id=nation%3Agbr`, and parses the same.
  const hash = `#id=${encodeURIComponent(id).replace(/%3A/gi, ':')}`;
  if (window.location.hash !== hash) history.replaceState(null, '', hash);
}
