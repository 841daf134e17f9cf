/**
 * A token bucket per client, in memory only: each client may make `rate` requests a second, in
 * bursts of up to `burst`. Client addresses live here for a minute at most and are never stored.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly sweep: NodeJS.Timeout;
  private readonly rate: number;
  private readonly burst: number;

  constructor(rate: number, burst: number) {
    this.rate = rate;
    this.burst = burst;
    // Forget clients that have been quiet for a minute, so the map cannot grow without end.
    this.sweep = setInterval(() => {
      const old = performance.now() - 60_000;
      for (const [k, b] of this.buckets) if (b.at < old) this.buckets.delete(k);
    }, 60_000);
    this.sweep.unref();
  }

  /** Takes one token for `client`; false when it has none left. */
  take(client: string): boolean {
    const now = performance.now();
    const b = this.buckets.get(client) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.rate);
    b.at = now;
    this.buckets.set(client, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  stop(): void {
    clearInterval(this.sweep);
  }
}
