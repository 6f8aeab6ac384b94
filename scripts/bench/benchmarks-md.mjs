// The benches' `--write`: each owns one block of BENCHMARKS.md between its markers
// (<!-- NAME:start --> … <!-- NAME:end -->), replaced in place, or added under its heading.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PATH = join(fileURLToPath(new URL('../..', import.meta.url)), 'BENCHMARKS.md');

/** Puts `table` into BENCHMARKS.md as the block `name`; a new block goes at the end under `heading`. */
export function writeBenchTable(name, heading, table) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const doc = existsSync(PATH) ? readFileSync(PATH, 'utf8') : '# Benchmarks\n';
  const block = `${start}\n${table}\n${end}`;
  writeFileSync(
    PATH,
    doc.includes(start)
      ? doc.replace(new RegExp(`${start}[\\s\\S]*?${end}`), block)
      : `${doc.trimEnd()}\n\n## ${heading}\n\n${block}\n`,
  );
}
