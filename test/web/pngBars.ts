import { PNG } from 'pngjs';

/** Decode a PNG and count the bars crossing a vertical line at x: runs of pixels of the bar colour. */
export function pngBars(png: Buffer, color: string, x: number): { width: number; height: number; bars: number } {
  const image = PNG.sync.read(png);
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
  const near = (y: number) => {
    const o = (image.width * y + x) * 4;
    return Math.abs(image.data[o]! - r!) < 16 && Math.abs(image.data[o + 1]! - g!) < 16 && Math.abs(image.data[o + 2]! - b!) < 16;
  };
  let bars = 0;
  let inBar = false;
  for (let y = 0; y < image.height; y += 1) {
    const hit = near(y);
    if (hit && !inBar) bars += 1;
    inBar = hit;
  }
  return { width: image.width, height: image.height, bars };
}
