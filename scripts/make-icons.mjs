/**
 * Draws BuyIn's icon (a power/interest grid with its "manage closely" quadrant lit) at the sizes
 * Office asks for, as PNGs in addin/assets. Run by hand when the icon changes: node scripts/make-icons.mjs
 */
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, pixel) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // no filter
    for (let x = 0; x < size; x++) raw.set(pixel(x, y, size), y * (size * 4 + 1) + 1 + x * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const BRAND = [15, 108, 189, 255];
const CELL = [255, 255, 255, 235];
const ACCENT = [255, 185, 0, 255];
const CLEAR = [0, 0, 0, 0];

function icon(x, y, size) {
  const radius = size * 0.18;
  const cx = Math.min(Math.max(x + 0.5, radius), size - radius);
  const cy = Math.min(Math.max(y + 0.5, radius), size - radius);
  if ((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 > radius ** 2) return CLEAR;
  const margin = size * 0.2;
  const gap = Math.max(1, size * 0.06);
  const cell = (size - 2 * margin - gap) / 2;
  for (const [column, row] of [
    [0, 0],
    [1, 0],
    [0, 1],
    [1, 1],
  ]) {
    const left = margin + column * (cell + gap);
    const top = margin + row * (cell + gap);
    if (x >= left && x < left + cell && y >= top && y < top + cell)
      return column === 1 && row === 0 ? ACCENT : CELL;
  }
  return BRAND;
}

for (const size of [16, 32, 64, 80, 128]) {
  writeFileSync(new URL(`../addin/assets/icon-${size}.png`, import.meta.url), png(size, icon));
}
