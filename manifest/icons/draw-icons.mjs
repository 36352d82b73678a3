// Draws PmfBot's two Teams icons and writes them beside this script:
//   color.png   192x192, full-bleed council blue, three rising bars and a tick badge;
//   outline.png  32x32, the same symbol in white (#FFFFFF) on transparent, as Teams requires.
// Run: node manifest/icons/draw-icons.mjs   (no dependencies: shapes are sampled 4x4 per
// pixel for smooth edges, and the PNG is written with node's zlib).
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync, crc32 } from "node:zlib";

const here = dirname(fileURLToPath(import.meta.url));

export const COUNCIL_BLUE = [0x1d, 0x4f, 0x91, 255];
const WHITE = [255, 255, 255, 255];
const GREEN = [0x2e, 0x9e, 0x5b, 255];

const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};

const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

/** A line through the points, `width` thick, with round ends and joints. */
const stroke = (points, width) => (x, y) => {
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1];
    const [bx, by] = points[i];
    const dx = bx - ax, dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    if ((x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (width / 2) ** 2) return true;
  }
  return false;
};

/** Paints the layers (later over earlier) at `size` pixels, drawn on a `unit`-wide canvas. */
function render(size, unit, background, layers) {
  const scale = unit / size;
  const samples = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) * scale;
          const y = (py + (sy + 0.5) / samples) * scale;
          let colour = background;
          for (const [inside, fill] of layers) if (inside(x, y)) colour = fill;
          if (colour) {
            r += colour[0]; g += colour[1]; b += colour[2]; a += colour[3];
          }
        }
      }
      const n = samples * samples;
      const o = (py * size + px) * 4;
      // Colour averaged over the covered samples only; coverage goes into alpha.
      const covered = a / 255 || 1;
      rgba[o] = Math.round(r / covered);
      rgba[o + 1] = Math.round(g / covered);
      rgba[o + 2] = Math.round(b / covered);
      rgba[o + 3] = Math.round(a / n);
      if (rgba[o + 3] === 0) rgba.fill(255, o, o + 3); // transparent pixels are white too
    }
  }
  return rgba;
}

/** An 8-bit RGBA PNG of the pixels (row by row, 4 bytes each). */
export function encodePng(size, rgba) {
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // no filter
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// The symbol on a 192-unit canvas: rising bars on a baseline, a tick in a round badge.
const bars = [
  roundRect(40, 112, 64, 146, 4),
  roundRect(74, 92, 98, 146, 4),
  roundRect(108, 72, 132, 146, 4),
];
const baseline = roundRect(32, 150, 160, 157, 3.5);
const tick = stroke([[124, 62], [134, 72], [153, 50]], 8);

export function drawColour() {
  return render(192, 192, COUNCIL_BLUE, [
    ...bars.map((bar) => [bar, WHITE]),
    [baseline, WHITE],
    [circle(138, 61, 31), COUNCIL_BLUE], // a ring of background keeps the badge off the bar
    [circle(138, 61, 25), GREEN],
    [tick, WHITE],
  ]);
}

// At 32 pixels the same symbol, simplified: bars, baseline, and the tick without its badge.
export function drawOutline() {
  return render(32, 32, null, [
    [roundRect(4, 18, 9, 25, 1), WHITE],
    [roundRect(12, 14, 17, 25, 1), WHITE],
    [roundRect(20, 12, 25, 25, 1), WHITE],
    [roundRect(3, 27, 29, 29, 1), WHITE],
    [stroke([[21, 5.5], [23.5, 8], [29, 2.5]], 2.4), WHITE],
  ]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(join(here, "color.png"), encodePng(192, drawColour()));
  writeFileSync(join(here, "outline.png"), encodePng(32, drawOutline()));
  console.log(`Wrote ${join(here, "color.png")} and ${join(here, "outline.png")}`);
}
