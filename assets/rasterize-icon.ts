/**
 * Relink's PNG icons, made from assets/icon.svg when WXT builds (wxt.config.ts) rather than
 * committed: the SVG is the one source, and the PNGs cannot drift from it.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { CopiedPublicFile } from 'wxt';

export const ICON_SIZES = [16, 32, 48, 96, 128] as const;
export type IconSize = (typeof ICON_SIZES)[number];

/** Where each size goes in the build; WXT would also find `icon/<size>.png` by itself. */
const iconPath = (size: IconSize) => `icon/${size}.png`;

export const iconPaths = <S extends IconSize>(sizes: readonly S[]) =>
  Object.fromEntries(sizes.map((size) => [size, iconPath(size)])) as Record<S, string>;

/**
 * The Chrome Web Store asks for the 128 px icon as 96 px of artwork inside 16 px of transparent
 * padding (https://developer.chrome.com/docs/webstore/images#icons); the smaller sizes are drawn
 * edge to edge as toolbars and the extensions page expect.
 */
const PADDING: Partial<Record<IconSize, number>> = { 128: 16 };

/** The SVG as a `size`×`size` PNG, its artwork `padding` pixels in from each edge. */
function rasterizeIcon(svg: string, size: number, padding = 0): Buffer {
  const art = size - 2 * padding;
  const options = { fitTo: { mode: 'width', value: art }, font: { loadSystemFonts: false } } as const;
  const png = new Resvg(svg, options).render().asPng();
  if (padding === 0) return png;
  // Placed 1:1 on a transparent canvas, so the artwork's pixels are exactly those of the `art` size.
  const framed = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><image x="${padding}" y="${padding}" width="${art}" height="${art}" href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
  return new Resvg(framed, { font: { loadSystemFonts: false } }).render().asPng();
}

/**
 * Writes every size into `workDir` and returns them as public files for WXT's
 * `build:publicAssets` hook, which copies them to `icon/<size>.png` in the build.
 */
export function iconPublicFiles(svgPath: string, workDir: string): CopiedPublicFile[] {
  const svg = readFileSync(svgPath, 'utf8');
  mkdirSync(workDir, { recursive: true });
  return ICON_SIZES.map((size) => {
    const absoluteSrc = join(workDir, `${size}.png`);
    writeFileSync(absoluteSrc, rasterizeIcon(svg, size, PADDING[size]));
    return { absoluteSrc, relativeDest: iconPath(size) };
  });
}
