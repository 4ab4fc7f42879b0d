import { UserError } from './errors.js';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Parses a duration such as `90s`, `5m`, `1h30m` or a bare number of seconds, into milliseconds.
 * `inputName` is named in the error so the user knows which value to fix.
 */
export function parseDuration(text: string, inputName: string, maxMs = DAY_MS): number {
  // A bare number is seconds.
  const value = /^\d+(\.\d+)?$/.test(text.trim()) ? `${text.trim()}s` : text.trim();
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)];
  const consumed = parts.map((p) => p[0]).join('');
  if (parts.length === 0 || consumed !== value) {
    throw new UserError(
      `Input ${inputName} must be a duration such as 90s, 5m or 1h30m (or a number of seconds), got "${text}".`,
    );
  }
  const ms = parts.reduce((sum, [, amount, unit]) => sum + Number(amount) * UNIT_MS[unit!]!, 0);
  if (ms <= 0) throw new UserError(`Input ${inputName} must be longer than zero, got "${text}".`);
  if (ms > maxMs) {
    throw new UserError(`Input ${inputName} may be at most ${formatLong(maxMs)}, got "${text}".`);
  }
  return Math.round(ms);
}

/** A day: the most a wait (timeout, url-timeout) may last. */
export const DAY_MS = 24 * 3_600_000;

function formatLong(ms: number): string {
  return ms % DAY_MS === 0 ? `${ms / DAY_MS}d` : formatDuration(ms);
}

/** A span as people write it for lifetimes: `4h`, `1d12h`, `1h30m` (to the minute). */
export function formatSpan(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const parts: [number, string][] = [
    [Math.floor(minutes / 1440), 'd'],
    [Math.floor((minutes % 1440) / 60), 'h'],
    [minutes % 60, 'm'],
  ];
  return (
    parts
      .filter(([n]) => n > 0)
      .map(([n, unit]) => `${n}${unit}`)
      .join('') || '0m'
  );
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes}m${Math.round(seconds - minutes * 60)}s`;
}
