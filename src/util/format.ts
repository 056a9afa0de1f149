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

/** A compression as a size is said with it: "5.49 MiB zstd", "5.49 MiB not compressed" (never "none"). */
export function formatCompression(compression: string): string {
  return compression === 'none' ? 'not compressed' : compression;
}

/** A transfer rate in decimal units: "85.0 MB/s", and below 1 MB/s "12.3 kB/s" or "640 B/s" (never "0.0 MB/s"). */
export function formatRate(bytes: number, seconds: number): string {
  if (seconds <= 0) return '-';
  const rate = bytes / seconds;
  if (rate >= 1e6) return `${(rate / 1e6).toFixed(1)} MB/s`;
  if (rate >= 1e3) return `${(rate / 1e3).toFixed(1)} kB/s`;
  return `${Math.round(rate)} B/s`;
}

export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 120) return `${s}s`;
  if (s < 3600) return `${Math.round(s / 60)}m`;
  if (s < 172800) return `${(s / 3600).toFixed(1).replace(/\.0$/, '')}h`;
  return `${(s / 86400).toFixed(1).replace(/\.0$/, '')}d`;
}
