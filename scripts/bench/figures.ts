/** Figures over repeated runs: every benchmark figure is printed as its median with min and max. */
export interface Spread {
  min: number;
  median: number;
  max: number;
  runs: number;
}

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { min: sorted[0]!, median, max: sorted.at(-1)!, runs: sorted.length };
}

/** `label  median (min–max) unit, n runs`, aligned. */
export function show(label: string, values: number[], unit = '', digits = 2): string {
  const { min, median, max, runs } = spread(values);
  const f = (n: number) => n.toFixed(digits);
  return `    ${label.padEnd(50)} ${f(median).padStart(8)} (${f(min)}–${f(max)})${unit ? ` ${unit}` : ''}, ${runs} runs`;
}

export async function repeat<T>(times: number, run: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < times; i++) results.push(await run(i));
  return results;
}

/** Seconds since `started` (a performance.now() reading). */
export function secondsSince(started: number): number {
  return (performance.now() - started) / 1000;
}
