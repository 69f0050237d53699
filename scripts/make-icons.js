#!/usr/bin/env node
/**
 * Generates the add-in icons in assets/ (icon-16/32/64/80/128.png).
 *
 * Pure Node: the PNG encoder (IHDR/IDAT/IEND chunks, CRC-32, zlib deflate)
 * is written here so the icons can be regenerated without any image tooling.
 *
 * Design: a rounded square in Copenhagen blue with a white baseline and three
 * bars in traffic-light colours (red, yellow, green) - "status at a glance".
 *
 * Usage: node scripts/make-icons.js [outputDir]   (default: assets/)
 */
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80, 128];

const COLORS = {
  background: [0x00, 0x58, 0x6f], // Copenhagen blue
  white: [0xff, 0xff, 0xff],
  red: [0xe0, 0x3c, 0x31],
  yellow: [0xf7, 0xc5, 0x00],
  green: [0x3d, 0xb8, 0x5b],
};

// ---------------------------------------------------------------- PNG encoder

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length, 0);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData), 0);
  return Buffer.concat([len, typeAndData, crc]);
}

/** Encodes width x height RGBA pixels (Uint8Array, row-major) as a PNG file. */
function encodePng(width, height, rgba) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: truecolour with alpha
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  const idat = zlib.deflateSync(raw, { level: 9 });
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ------------------------------------------------------------------- drawing

function insideRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  const dx = x - cx;
  const dy = y - cy;
  return dx * dx + dy * dy <= r * r;
}

// Geometry on a 16-unit grid so that the 16 px icon is pixel-aligned.
const u = (n) => n / 16;
const BASE_Y = u(12);
const BARS = [
  { x0: u(3), x1: u(5), top: u(9), color: COLORS.red },
  { x0: u(7), x1: u(9), top: u(6), color: COLORS.yellow },
  { x0: u(11), x1: u(13), top: u(3), color: COLORS.green },
];

/** Colour at unit coordinates (x, y) in [0,1]^2, or null for transparent. */
function shade(x, y) {
  if (!insideRoundedRect(x, y, 0, 0, 1, 1, 0.2)) return null;
  if (y >= BASE_Y && y <= BASE_Y + u(1) && x >= u(2) && x <= u(14)) return COLORS.white;
  for (const bar of BARS) {
    if (insideRoundedRect(x, y, bar.x0, bar.top, bar.x1, BASE_Y, 0.02)) return bar.color;
  }
  return COLORS.background;
}

/** Renders the icon at size x size with 8x8 supersampling for anti-aliasing. */
function renderIcon(size) {
  const ss = 8;
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = shade((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
        rgba[i + 3] = Math.round((255 * a) / (ss * ss));
      }
    }
  }
  return rgba;
}

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, '..', 'assets'));
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, size, renderIcon(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)} (${size}x${size})`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, renderIcon, crc32, SIZES };
