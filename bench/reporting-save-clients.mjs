// The 130 reporters of bench/reporting.bench.ts, saving over HTTP from their own thread: in production the
// clients are browsers elsewhere, so their cost must not be charged to the server's event loop.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { base, jobs, connections, savesEach, periodKey } = workerData;
const latencies = [];
const firstSaves = [];
const errorSamples = [];
let errors = 0;
const last = {};
const queue = [...jobs];
// node:http with kept-alive connections: fetch (undici with WHATWG streams) cost the machine more CPU per
// request than the server did, and the two share its cores.
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const url = new URL(`${base}/api/reporting/report`);

function call(method, path, cookie, payload) {
  return new Promise((resolve, reject) => {
    const body = payload === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(payload));
    const headers = payload === undefined ? { cookie } : { cookie, 'content-type': 'application/json', 'content-length': body.length };
    const req = http.request({ agent, host: url.hostname, port: url.port, path, method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function worker() {
  for (let job = queue.shift(); job; job = queue.shift()) {
    // The officer has the form open before saving (as in the browser): opening it is not timed.
    const form = await call('GET', `${url.pathname}?templateId=${job.templateId}&periodKey=${periodKey}&unitId=${job.unitId}${job.agencyId ? `&agencyId=${job.agencyId}` : ''}`, job.cookie);
    if (form.status !== 200) {
      errors++;
      if (errorSamples.length < 3) errorSamples.push(`opening the form: HTTP ${form.status} ${JSON.stringify(form.body).slice(0, 200)}`);
      continue;
    }
    let version = form.body.version;
    for (let s = 0; s < savesEach; s++) {
      const value = 1000 + s;
      const t = process.hrtime.bigint();
      const res = await call('PUT', url.pathname, job.cookie, { templateId: job.templateId, periodKey, unitId: job.unitId, agencyId: job.agencyId, values: [{ element: job.element, breakdown: '', value }], sections: { results: `Lần lưu ${s + 1}` }, version });
      const body = res.body;
      latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
      if (s === 0) firstSaves.push(latencies.at(-1));
      if (res.status !== 200) {
        errors++;
        if (errorSamples.length < 3) errorSamples.push(`HTTP ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
      } else {
        version = body.version ?? null;
        last[job.id] = value;
      }
    }
  }
}

const t0 = Date.now();
await Promise.all(Array.from({ length: connections }, worker));
parentPort.postMessage({ latencies, firstSaves, errors, errorSamples, last, seconds: (Date.now() - t0) / 1000 });
