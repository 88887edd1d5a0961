#!/usr/bin/env node
// Draws the extension's toolbar and store icons (public/icon/<size>.png, which WXT puts in the
// manifest): a keypad of 3 x 4 keys on a rounded blue square, one key green (a code that is set).
// Plain Node (zlib) so that nothing needs an image tool; run it again after changing the drawing.
import { Buffer } from 'node:buffer';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icon');
const BLUE = [31, 79, 216];
const WHITE = [255, 255, 255];
const GREEN = [34, 197, 94];

/** The colour at (x, y) of a 1 x 1 drawing, or null where it is transparent. */
function colourAt(x, y) {
  const corner = 0.2;
  const cx = Math.min(Math.max(x, corner), 1 - corner);
  const cy = Math.min(Math.max(y, corner), 1 - corner);
  if ((x - cx) ** 2 + (y - cy) ** 2 > corner ** 2) return null;
  for (let row = 0; row < 4; row++) {
    for (let col = 0; col < 3; col++) {
      const kx = 0.29 + col * 0.21;
      const ky = 0.2 + row * 0.2;
      if ((x - kx) ** 2 + (y - ky) ** 2 <= 0.075 ** 2)
        return row === 3 && col === 2 ? GREEN : WHITE;
    }
  }
  return BLUE;
}

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, tail]);
}

/** An RGBA PNG of the drawing at `size` pixels, 4 x 4 samples per pixel for smooth edges. */
function png(size) {
  const rows = [];
  const samples = 4;
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = colourAt(
            (px + (sx + 0.5) / samples) / size,
            (py + (sy + 0.5) / samples) / size,
          );
          if (colour === null) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a += 1;
        }
      }
      const at = 1 + px * 4;
      if (a > 0) {
        row[at] = Math.round(r / a);
        row[at + 1] = Math.round(g / a);
        row[at + 2] = Math.round(b / a);
      }
      row[at + 3] = Math.round((255 * a) / samples ** 2);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(out, { recursive: true });
for (const size of [16, 32, 48, 96, 128]) writeFileSync(join(out, `${size}.png`), png(size));
console.log(`icons written to ${out}`);
