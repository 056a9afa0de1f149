/** Human-readable figures for logs and summaries. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${bytes} B` : `${v.toFixed(v < 10 ? 2 : 1)} ${units[i]}`;
}

export function formatRate(bytes: number, seconds: number): string {
  if (seconds <= 0) return '-';
  return `${(bytes / seconds / 1e6).toFixed(1)} MB/s`;
}
