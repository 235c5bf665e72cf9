import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, request } from '../api-client.ts';
import {
  narrowOffset,
  now,
  observeServerTime,
  offsetOf,
  resetServerTime,
  sampleOfDateHeader,
  sampleOfInstant,
} from './clock.ts';

const T = Date.parse('2026-11-20T12:00:00.000Z');
const HOUR = 3_600_000;

describe("the web app's clock: offsets from what the server's responses say", () => {
  it('bounds the offset by the round trip for an exact instant', () => {
    // The server stamped 12:00:00.500 while the browser waited from 11:00:00.400 to 11:00:00.700.
    const s = sampleOfInstant('2026-11-20T12:00:00.500Z', T - HOUR + 400, T - HOUR + 700);
    expect(narrowOffset(null, s!)).toEqual({ lo: HOUR - 200, hi: HOUR + 100 });
    expect(offsetOf(narrowOffset(null, s!))).toBe(HOUR - 50);
    expect(sampleOfInstant('not a date', 0, 0)).toBeNull();
  });

  it('reads a Date header as a whole second, and narrows it with further responses', () => {
    const a = sampleOfDateHeader('Fri, 20 Nov 2026 12:00:00 GMT', T + 100, T + 300)!;
    expect(a).toEqual({ serverFrom: T, serverTo: T + 999, sentAt: T + 100, receivedAt: T + 300 });
    const first = narrowOffset(null, a);
    expect(first).toEqual({ lo: -300, hi: 899 });
    // A second later by the server already, while the browser read 300–400 ms: it is at least 600 ms behind.
    const b = sampleOfDateHeader('Fri, 20 Nov 2026 12:00:01 GMT', T + 300, T + 400)!;
    const second = narrowOffset(first, b);
    expect(second).toEqual({ lo: 600, hi: 899 });
    expect(offsetOf(second)).toBe(750);
    expect(sampleOfDateHeader(null, 0, 0)).toBeNull();
    expect(sampleOfDateHeader('yesterday-ish', 0, 0)).toBeNull();
  });

  it('starts again from a sample that contradicts what it knew (a clock was set)', () => {
    const before = narrowOffset(null, sampleOfInstant(new Date(T).toISOString(), T, T + 100)!);
    expect(before).toEqual({ lo: -100, hi: 0 });
    const jumped = sampleOfInstant(new Date(T + 30 * 86_400_000).toISOString(), T + 1000, T + 1100)!;
    expect(narrowOffset(before, jumped)).toEqual({ lo: 30 * 86_400_000 - 1100, hi: 30 * 86_400_000 - 1000 });
  });

  it('is the browser clock until a response says otherwise', () => {
    expect(offsetOf(null)).toBe(0);
  });
});

describe('now() and the API client', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T);
    resetServerTime();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
    resetServerTime();
  });

  const reply = (body: unknown, date: string) =>
    vi.fn(async () => new Response(JSON.stringify(body), { status: 200, headers: { date } }));

  it("follows each response's Date header: a server running at another instant sets the pages' now", async () => {
    expect(now()).toBe(T);
    // The server runs at an injected instant, three days and a half second ahead of this browser.
    vi.stubGlobal('fetch', reply({ items: [] }, 'Mon, 23 Nov 2026 12:00:00 GMT'));
    await request('/people');
    const ahead = now() - T;
    expect(ahead).toBeGreaterThanOrEqual(3 * 86_400_000);
    expect(ahead).toBeLessThan(3 * 86_400_000 + 1000);
    vi.advanceTimersByTime(60_000);
    expect(now() - T).toBe(ahead + 60_000);
  });

  it("sets it exactly from /me's now, which the session does not keep", async () => {
    const at = '2027-03-14T06:30:00.250Z';
    vi.stubGlobal('fetch', reply({ id: 'p', name: 'Ana', now: at }, 'Sun, 14 Mar 2027 06:30:00 GMT'));
    const me = await api.me();
    expect(me).toEqual({ id: 'p', name: 'Ana' });
    expect(now()).toBe(Date.parse(at));
  });

  it('learns from a refused request too (its Date header)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ error: { code: 'not_found', message: 'no' } }), {
            status: 404,
            headers: { date: 'Sat, 20 Nov 2027 12:00:00 GMT' },
          }),
      ),
    );
    await expect(request('/people/x')).rejects.toMatchObject({ status: 404 });
    expect(new Date(now()).toISOString().slice(0, 19)).toBe('2027-11-20T12:00:00');
    observeServerTime(null);
    expect(new Date(now()).toISOString().slice(0, 19)).toBe('2027-11-20T12:00:00');
  });
});
