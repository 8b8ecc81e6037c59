/**
 * Numbers as people read them in progress lines and summaries: bytes in SI units (kB, MB, GB, as
 * download tools show them), rates, and durations such as "2m05s".
 */

const UNITS = ["B", "kB", "MB", "GB", "TB"];

/** 1234567 → "1.2 MB". */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(value < 10 ? 1 : 0)} ${UNITS[unit]}`;
}

/** Bytes per second as "1.2 MB/s". */
export function formatRate(bytesPerSecond: number): string {
  return `${formatBytes(Math.round(bytesPerSecond))}/s`;
}

/** Seconds as "42s", "2m05s" or "1h02m"; "?" when unknown. */
export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return "?";
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}

/** The transfer rate and time left of `done` out of `total` bytes started at `startedAt` (ms). */
export function rateAndEta(done: number, total: number | undefined, startedAt: number, now: number) {
  const seconds = Math.max((now - startedAt) / 1000, 0.001);
  const rate = done / seconds;
  const eta = total === undefined || rate === 0 ? undefined : (total - done) / rate;
  return { rate, eta };
}
