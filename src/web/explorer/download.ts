/** Downloads made in the browser: the file name of an export and the Blob link that hands it over. */

/** `explorer-<selected id>-<yyyy-mm-dd>.<extension>`, with characters file systems refuse replaced. */
export function exportFileName(selectedId: string | null, today: Date, extension: string): string {
  const subject = (selectedId ?? 'view').replace(/[^A-Za-z0-9._-]+/g, '_');
  return `explorer-${subject}-${today.toISOString().slice(0, 10)}.${extension}`;
}

/** Hands the text to the browser as a download through a temporary Blob link. */
export function downloadText(fileName: string, mimeType: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the browser reads the Blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
