// The consultancy's logo for reports: a PNG or SVG data URL, checked for size and for anything an
// SVG could use to run code or fetch from elsewhere, and its own size read for the aspect ratio.

/** About 200 KB of image: a logo, not a photo. */
export const maxLogoDataUrlLength = 280_000;

export interface LogoImage {
  format: 'png' | 'svg';
  /** Base64 for PNG, the SVG text for SVG. */
  data: string;
  width: number;
  height: number;
}

export type LogoCheck = { ok: true; logo: LogoImage } | { ok: false; message: string; key: string };

const refuse = (message: string, key: string): LogoCheck => ({ ok: false, message, key });

function base64Bytes(base64: string): Uint8Array | null {
  try {
    const binary = atob(base64);
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngLogo(base64: string): LogoCheck {
  const bytes = base64Bytes(base64);
  if (!bytes || bytes.length < 24 || pngSignature.some((b, i) => bytes[i] !== b)) return refuse('not a PNG image', 'logoNotPng');
  const view = new DataView(bytes.buffer);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (!width || !height || width > 5000 || height > 5000) return refuse('the PNG has no usable size', 'logoSize');
  return { ok: true, logo: { format: 'png', data: base64, width, height } };
}

/** Elements and attributes an SVG logo may not have: scripts, events, embedded documents, entities,
 * and links anywhere but inside the file itself. */
const unsafeSvg = [/<script/i, /<foreignObject/i, /<!ENTITY/i, /<!DOCTYPE/i, /\son[a-z]+\s*=/i, /(?:xlink:)?href\s*=\s*["'](?!#)/i, /url\(\s*["']?(?!#)/i, /@import/i];

function svgLogo(base64: string): LogoCheck {
  const bytes = base64Bytes(base64);
  if (!bytes) return refuse('not an SVG image', 'logoNotSvg');
  const text = new TextDecoder().decode(bytes);
  const tag = /<svg\b[^>]*>/i.exec(text)?.[0];
  if (!tag) return refuse('not an SVG image', 'logoNotSvg');
  if (unsafeSvg.some((pattern) => pattern.test(text))) return refuse('the SVG has scripts, embedded documents or links to other files', 'logoUnsafe');
  const number = (name: string) => Number(new RegExp(`\\s${name}\\s*=\\s*["']\\s*([\\d.]+)(?:px)?\\s*["']`, 'i').exec(tag)?.[1] ?? NaN);
  let width = number('width');
  let height = number('height');
  if (!(width > 0 && height > 0)) {
    const viewBox = /\sviewBox\s*=\s*["']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*["']/i.exec(tag);
    width = Number(viewBox?.[1]);
    height = Number(viewBox?.[2]);
  }
  if (!(width > 0 && height > 0)) return refuse('the SVG gives no width and height or viewBox', 'logoSize');
  return { ok: true, logo: { format: 'svg', data: text, width, height } };
}

/** A logo wider than 8 : 1 or taller than 1 : 2 becomes a line or a post on the cover. */
export const logoAspectLimits = { widest: 8, tallest: 0.5 };

export function checkLogo(dataUrl: string): LogoCheck {
  if (dataUrl.length > maxLogoDataUrlLength) return refuse('the logo is too large (at most about 200 KB)', 'logoTooLarge');
  const match = /^data:image\/(png|svg\+xml);base64,([A-Za-z0-9+/=\s]+)$/.exec(dataUrl);
  if (!match) return refuse('use a PNG or SVG image', 'logoFormat');
  const base64 = match[2].replace(/\s/g, '');
  const checked = match[1] === 'png' ? pngLogo(base64) : svgLogo(base64);
  if (!checked.ok) return checked;
  const ratio = checked.logo.width / checked.logo.height;
  if (ratio > logoAspectLimits.widest || ratio < logoAspectLimits.tallest) {
    return refuse(`the logo is ${checked.logo.width} × ${checked.logo.height}: use one at most 8 times as wide as it is high, and at most twice as high as wide`, 'logoAspect');
  }
  return checked;
}

/** The logo's size in points inside a box `maxWidth` × `maxHeight`, keeping its aspect ratio. */
export function fitLogo(logo: Pick<LogoImage, 'width' | 'height'>, maxWidth: number, maxHeight: number): { width: number; height: number } {
  const scale = Math.min(maxWidth / logo.width, maxHeight / logo.height);
  return { width: Math.max(1, Math.round(logo.width * scale)), height: Math.max(1, Math.round(logo.height * scale)) };
}

export const defaultBrandColour = '#1f4e79';
export const brandColourPattern = /^#[0-9a-fA-F]{6}$/;
