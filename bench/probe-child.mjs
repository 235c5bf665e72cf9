// A liveness prober in its own process: `node probe-child.mjs '<json {url, seconds, everyMs}>'` GETs `url` every
// `everyMs` for `seconds`, each request on its own (a stall shows as many slow answers, not as one), waits for
// every answer, and prints their latency as one JSON line. Unlike a closed-loop load, no slow answer is dropped.
const { url, seconds, everyMs } = JSON.parse(process.argv[2]);
const latencies = [];
let failed = 0;
const sent = [];
const end = performance.now() + seconds * 1000;
while (performance.now() < end) {
  const t0 = performance.now();
  sent.push(
    fetch(url).then(
      async (res) => {
        await res.arrayBuffer();
        if (res.ok) latencies.push(performance.now() - t0);
        else failed += 1;
      },
      () => {
        failed += 1;
      },
    ),
  );
  await new Promise((r) => setTimeout(r, everyMs));
}
await Promise.all(sent);
latencies.sort((a, b) => a - b);
const at = (q) =>
  Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
process.stdout.write(
  `${JSON.stringify({ total: latencies.length, failed, p50: at(0.5), p99: at(0.99), max: Math.round(latencies.at(-1) ?? 0) })}\n`,
);
