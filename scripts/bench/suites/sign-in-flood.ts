import { randomUUID } from 'node:crypto';
import { figure, Figure } from '../report';
import type { BenchStack } from '../stack';
import { tokenFor } from '../stack';
import { latencyHistogram } from '../in-process';

const FLOOD_RATE = Number(process.env.BENCH_FLOOD_RATE ?? 200);
const FLOOD_SECONDS = Number(process.env.BENCH_FLOOD_SECONDS ?? 30);
/** An agents' desk refreshing its case list: the traffic the flood must not starve. */
const READ_RATE = 20;
const READ_SECONDS = 10;

/**
 * Sign-in flood (docs/decisions.md, "Sign-in abuse"): FLOOD_RATE wrong-password sign-ins per second,
 * each from its own address (X-Forwarded-For through the trusted loopback proxy) and mostly for
 * unknown usernames — the worst case, where neither the username nor the address limit stops a
 * password check — while an agent lists cases. Baseline: the same case list on the quiet api.
 */
export async function benchSignInFlood(stack: BenchStack): Promise<Figure[]> {
  const token = await tokenFor(stack.baseUrl, 'agent');
  const quiet = await listCases(stack.baseUrl, token, READ_SECONDS);

  // One account guessed at again and again: its username lock answers 429 before any password check.
  const target = `bench-target-${randomUUID().slice(0, 8)}`;
  const cpuBefore = stack.apiCpuMs();
  const statuses = new Map<string, number>();
  const count = (outcome: string) => statuses.set(outcome, (statuses.get(outcome) ?? 0) + 1);
  const flood = paced(FLOOD_RATE, FLOOD_SECONDS, async (i) => {
    try {
      const res = await fetch(`${stack.baseUrl}/api/v1/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': address(i) },
        body: JSON.stringify({ username: i % 10 === 0 ? target : `nobody-${randomUUID()}`, password: 'guess-1234' }),
      });
      await res.arrayBuffer();
      count(String(res.status));
    } catch {
      // A flooding client's connection refused or reset is part of the picture, not a bench failure.
      count('no answer');
    }
  });
  // Start reading once the flood has built up, and stop before it ends.
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const loaded = await listCases(stack.baseUrl, token, Math.min(READ_SECONDS * 2, FLOOD_SECONDS - 8));
  await flood;
  const attempts = FLOOD_RATE * FLOOD_SECONDS;
  const cpuPerAttempt = (stack.apiCpuMs() - cpuBefore) / attempts;
  const answered = [...statuses.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, n]) => `${n} × ${status}`)
    .join(', ');
  const note = `${attempts} sign-ins at ${FLOOD_RATE}/s for ${FLOOD_SECONDS} s: ${answered}; case list at ${READ_RATE}/s`;
  return [
    figure('GET /cases p99 during a sign-in flood', loaded.p99, 'ms', quiet.p99, '< 300 ms', note),
    figure('GET /cases p50 during a sign-in flood', loaded.p50, 'ms', quiet.p50, 'informative', note),
    figure('api CPU per flooding sign-in', cpuPerAttempt, 'ms', null, 'informative', note),
  ];
}

/** TEST-NET-2 and -3 addresses, one per attempt (wrapping after 65,000). */
function address(i: number): string {
  const n = i % 65_000;
  return `${n < 32_500 ? '198.51' : '203.0'}.${Math.floor((n % 32_500) / 250)}.${(n % 250) + 1}`;
}

async function listCases(baseUrl: string, token: string, seconds: number): Promise<{ p50: number; p99: number }> {
  const latency = latencyHistogram(600_000);
  let failed = 0;
  await paced(READ_RATE, seconds, async () => {
    const sent = performance.now();
    const res = await fetch(`${baseUrl}/api/v1/cases?limit=20`, { headers: { authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    latency.recordValue(Math.max(1, Math.round(performance.now() - sent)));
    if (res.status !== 200) failed += 1;
  });
  if (failed > 0) throw new Error(`${failed} case list requests failed`);
  return { p50: latency.getValueAtPercentile(50), p99: latency.getValueAtPercentile(99) };
}

/** `rate` calls per second for `seconds`, evenly paced (not per-second bursts). */
async function paced(rate: number, seconds: number, call: (i: number) => Promise<void>): Promise<void> {
  const started = performance.now();
  await Promise.all(
    Array.from({ length: rate * seconds }, async (_, i) => {
      const due = started + (i * 1000) / rate;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      await call(i);
    }),
  );
}
