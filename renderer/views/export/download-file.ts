/**
 * Hands a file to the user the way the host expects: in the browser host the browser saves
 * it to Downloads; in Electron the same download asks where to save it with the system's
 * save dialog (main/electron/export-downloads.ts). No file path ever crosses to main, so a
 * compromised page cannot ask main to write anywhere.
 */
export function downloadFile(fileName: string, mimeType: string, base64: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy by the next tasks; free the memory after a moment.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
