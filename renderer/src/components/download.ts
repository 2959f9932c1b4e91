// Saves text the page already holds (an export) as a file, through the browser's own download:
// the same in web mode and in the desktop app, with no path chosen by the page.

/** Offers `content` as a file named `fileName`; the object URL is released once the click has used it. */
export function download(fileName: string, mediaType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Large exports can take a moment to be handed over; revoking at once can cut them off.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
