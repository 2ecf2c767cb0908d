/** A seeded generator (mulberry32), so a simulation can be repeated exactly. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)];
  }

  weighted<T>(entries: readonly [T, number][]): T {
    let r = this.next() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [value, w] of entries) if ((r -= w) <= 0) return value;
    return entries[0][0];
  }

  /** A mobile number, 13xxxxxxxxx. */
  phone(): string {
    return `13${Math.floor(this.next() * 1e9)
      .toString()
      .padStart(9, '0')}`;
  }
}
