// Authenticated read of one province's unit tree (Vĩnh Long: 124 communes and their villages) under load.
import path from 'node:path';
import autocannon, { type Options } from 'autocannon';
import { figure, login, main, note, postgresAvailable, startServer, withTempDir, withThrowawayDatabase } from './lib.ts';

const CONNECTIONS = 50;
const WARMUP_S = 2;
const DURATION_S = 10;

type TreeNode = { level: string; children?: TreeNode[] };
const count = (n: TreeNode, acc: Record<string, number> = {}) => {
  acc[n.level] = (acc[n.level] ?? 0) + 1;
  for (const c of n.children ?? []) count(c, acc);
  return acc;
};

async function treeBench(label: 'pglite' | 'postgres', env: Record<string, string>) {
  const server = await startServer({ ...env, LOG_LEVEL: 'warn' }, { timeoutMs: 120_000 });
  try {
    const cookie = await login(server.url, 'sogddt');
    const provinces = (await (await fetch(`${server.url}/api/units/provinces`, { headers: { cookie } })).json()) as { id: string; code: string }[];
    const vinhLong = provinces.find((p) => p.code === '86');
    if (!vinhLong) throw new Error(`Vĩnh Long (86) is not among the provinces of sogddt: ${JSON.stringify(provinces)}`);
    const url = `${server.url}/api/units/${vinhLong.id}/tree`;
    const res = await fetch(url, { headers: { cookie } });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`GET ${url}: HTTP ${res.status} ${body.slice(0, 300)}`);
    note(`${label}: GET /api/units/${vinhLong.id}/tree → ${body.length} bytes, nodes ${JSON.stringify(count(JSON.parse(body)))}`);

    const opts: Options = { url, headers: { cookie }, connections: CONNECTIONS };
    await autocannon({ ...opts, duration: WARMUP_S });
    const r = await autocannon({ ...opts, duration: DURATION_S });
    const isPg = label === 'postgres';
    figure(`unit-tree.rps.${label}`, Math.round(r.requests.average), 'req/s', isPg ? '>= 1000 req/s' : undefined);
    figure(`unit-tree.p99.${label}`, r.latency.p99, 'ms', isPg ? '< 100 ms' : undefined);
    figure(`unit-tree.p50.${label}`, r.latency.p50, 'ms');
    // autocannon counts timeouts among its errors.
    figure(`unit-tree.errors.${label}`, r.errors + r.non2xx, 'requests');
    note(`${label}: ${r.requests.total} requests in ${r.duration} s, ${CONNECTIONS} connections; errors ${r.errors} (of which timeouts ${r.timeouts}), non-2xx ${r.non2xx}; status ${JSON.stringify(r.statusCodeStats)}; latency mean ${r.latency.mean} ms, max ${r.latency.max} ms`);
  } finally {
    await server.stop();
  }
}

main(async () => {
  await withTempDir((dir) => treeBench('pglite', { DATA_DIR: path.join(dir, 'pglite') }));
  if (await postgresAvailable()) {
    await withThrowawayDatabase((url) => treeBench('postgres', { DATABASE_URL: url, DEMO_ON_FIRST_START: 'true' }));
  }
});
