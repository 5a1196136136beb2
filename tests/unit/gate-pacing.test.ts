/** The client's gate paces requests by the budget Atlassian's answers state (utils/atlassian/http.ts, HostGate). */
import { describe, expect, it } from 'vitest';
import { HostGate } from '@/utils/atlassian/http';

const HOST = 'acme.atlassian.net';
const headers = (values: Record<string, string>) => new Headers(values);

function clock(start = 1_000_000) {
  let now = start;
  const slept: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      slept.push(ms);
      now += ms;
    },
    advance: (ms: number) => (now += ms),
    slept,
  };
}

/** Starts `acquire` and reports whether it went through before the microtasks settle. */
async function tryAcquire(gate: HostGate, time: ReturnType<typeof clock>) {
  let went = false;
  const going = gate.acquire(HOST, time).then(() => (went = true));
  for (let i = 0; i < 5; i++) await Promise.resolve();
  return { went: () => went, going };
}

describe('pacing by X-RateLimit-Remaining', () => {
  it('lets requests go while the remaining budget, less those in flight, leaves two spare', async () => {
    const gate = new HostGate();
    const time = clock();
    await gate.acquire(HOST, time);
    gate.release(HOST, headers({ 'x-ratelimit-limit': '50', 'x-ratelimit-remaining': '5' }), time.now());
    // 5 left: three may go (each leaves at least two), the fourth waits for an answer.
    await gate.acquire(HOST, time);
    await gate.acquire(HOST, time);
    await gate.acquire(HOST, time);
    const fourth = await tryAcquire(gate, time);
    expect(fourth.went()).toBe(false);
    // An answer says the budget anew: refilled to 6, two still in flight → the fourth goes.
    gate.release(HOST, headers({ 'x-ratelimit-limit': '50', 'x-ratelimit-remaining': '6' }), time.now());
    await fourth.going;
    expect(fourth.went()).toBe(true);
    expect(gate.usage(HOST).paced).toBe(1);
  });

  it('with nothing in flight and the budget spent, sends one request a moment after the last answer', async () => {
    const gate = new HostGate();
    const time = clock();
    await gate.acquire(HOST, time);
    gate.release(HOST, headers({ 'x-ratelimit-limit': '50', 'x-ratelimit-remaining': '1' }), time.now());
    await gate.acquire(HOST, time);
    expect(time.slept).toEqual([100]);
  });

  it('takes a NearLimit that the remaining beside it explains as that budget, not a reason to slow down', async () => {
    const gate = new HostGate();
    const time = clock();
    await gate.acquire(HOST, time);
    await gate.acquire(HOST, time);
    const near = { 'x-ratelimit-limit': '50', 'x-ratelimit-remaining': '9', 'x-ratelimit-nearlimit': 'true' };
    gate.release(HOST, headers(near), time.now());
    // 9 left, one in flight: the budget allows more, and NearLimit is about that same budget.
    const next = await tryAcquire(gate, time);
    expect(next.went()).toBe(true);
  });

  it('slows down for a NearLimit about another budget (the remaining beside it is not low)', async () => {
    const gate = new HostGate();
    const time = clock();
    await gate.acquire(HOST, time);
    await gate.acquire(HOST, time);
    const near = { 'x-ratelimit-limit': '50', 'x-ratelimit-remaining': '40', 'x-ratelimit-nearlimit': 'true' };
    gate.release(HOST, headers(near), time.now());
    const next = await tryAcquire(gate, time);
    expect(next.went()).toBe(false);
    gate.release(HOST, null, time.now());
    await next.going;
  });

  it('counts the time a host had requests in flight and the time it held requests back', async () => {
    const gate = new HostGate();
    const time = clock();
    await gate.acquire(HOST, time);
    time.advance(80);
    gate.release(HOST, headers({ 'x-ratelimit-limit': '50', 'x-ratelimit-remaining': '0' }), time.now());
    await gate.acquire(HOST, time);
    time.advance(80);
    gate.release(HOST, null, time.now());
    expect(gate.usage(HOST)).toEqual({ busyMs: 160, heldMs: 100, paced: 1, blocked: 0 });
  });
});
