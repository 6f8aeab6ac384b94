// Sweep throughput of the CLI against the fixture portal with every delay removed (no latency, no
// pause between requests): what one core does when fetching costs nothing. docs/scale.md quotes it.
//   npx tsx tests/sweep/throughput.ts [copies]
import { cpus } from 'node:os';
import { main } from '../../cli/main';
import { servePortal } from './portal';

const copies = Number(process.argv[2] ?? 20);
const portal = await servePortal({ latency: 0, copies });
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let json = '';
await main(['--sweep', portal.listUrl, '--json', '--delay', '0'], { out: (l) => (json += l), err: () => {} });
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
await portal.close();
const entries = JSON.parse(json) as Array<{ status: string }>;
const audited = entries.filter((e) => e.status === 'audited').length;
console.log(
  JSON.stringify({
    links: entries.length,
    audited,
    seconds: Number(seconds.toFixed(2)),
    cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
    reportsPerSecond: Number((audited / seconds).toFixed(1)),
    reportsPerCpuSecond: Number((audited / ((cpu.user + cpu.system) / 1e6)).toFixed(1)),
    cpu: cpus()[0]?.model,
    load: (await import('node:os')).loadavg()[0],
  }),
);
