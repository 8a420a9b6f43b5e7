// Owns handing a file to the browser as a download (an object URL on a temporary `<a download>`).
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its bytes once the click is handled; the URL can go a little later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
