// Writes public/icon/{16,32,48,128}.png: a green 勾 (check mark) on a white rounded square.
// Drawn in code so the icons need no image tool and can be regenerated: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icon');
const GREEN = [27, 127, 59];
const BORDER = [205, 225, 211];
// Check mark as a polyline in unit coordinates, and its stroke width.
const CHECK = [
  [0.24, 0.53],
  [0.43, 0.71],
  [0.78, 0.3],
];
const STROKE = 0.13;
const RADIUS = 0.2;

function distToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** Signed distance to a rounded square filling the unit square (negative inside). */
function roundedSquare(px, py) {
  const qx = Math.abs(px - 0.5) - (0.5 - RADIUS);
  const qy = Math.abs(py - 0.5) - (0.5 - RADIUS);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - RADIUS;
}

/** RGBA of one unit-square point: transparent outside, a thin border, white, green stroke. */
function shade(px, py, size) {
  const edge = roundedSquare(px, py);
  if (edge > 0) return [0, 0, 0, 0];
  const onCheck = Math.min(
    distToSegment(px, py, CHECK[0], CHECK[1]),
    distToSegment(px, py, CHECK[1], CHECK[2]),
  );
  if (onCheck <= STROKE / 2) return [...GREEN, 255];
  // The border keeps the white square visible on white toolbars; at least one pixel wide.
  if (edge > -Math.max(1 / size, 0.03)) return [...BORDER, 255];
  return [255, 255, 255, 255];
}

function render(size) {
  const SS = 4; // supersampling per axis, for smooth edges
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const [r, g, b, a] = shade((x + (sx + 0.5) / SS) / size, (y + (sy + 0.5) / SS) / size, size);
          sum[0] += r * a;
          sum[1] += g * a;
          sum[2] += b * a;
          sum[3] += a;
        }
      }
      const i = (y * size + x) * 4;
      const alpha = sum[3] / (SS * SS);
      for (let c = 0; c < 3; c++) pixels[i + c] = sum[3] ? Math.round(sum[c] / sum[3]) : 0;
      pixels[i + 3] = Math.round(alpha);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  // Each scanline is prefixed with filter type 0 (none).
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT, { recursive: true });
for (const size of [16, 32, 48, 128]) {
  writeFileSync(join(OUT, `${size}.png`), png(size, render(size)));
  console.log(`wrote public/icon/${size}.png`);
}
