// The consultancy's logo: a PNG or SVG data URL, its size read, and refused when it is too large or
// when an SVG could run a script or fetch something from elsewhere.
import { describe, expect, it } from 'vitest';
import { checkLogo, fitLogo, maxLogoDataUrlLength } from '../../src-main/core/logo';

const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAD0lEQVR4nGP4z8DAwPAfAAcAAf9+CLHQAAAAAElFTkSuQmCC';
const svg = (body: string, attributes = 'width="120" height="40"') =>
  `data:image/svg+xml;base64,${Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" ${attributes}>${body}</svg>`).toString('base64')}`;

describe('checkLogo', () => {
  it('reads the size of a PNG and of an SVG (from width and height, or the viewBox)', () => {
    expect(checkLogo(png)).toMatchObject({ ok: true, logo: { format: 'png', width: 2, height: 1 } });
    expect(checkLogo(svg('<rect width="10" height="10"/>'))).toMatchObject({ ok: true, logo: { format: 'svg', width: 120, height: 40 } });
    expect(checkLogo(svg('<rect/>', 'viewBox="0 0 300 100"'))).toMatchObject({ ok: true, logo: { width: 300, height: 100 } });
  });

  it.each([
    ['a script', '<script>alert(1)</script>'],
    ['an event handler', '<rect onload="alert(1)"/>'],
    ['a link to another file', '<image href="https://example.org/x.png"/>'],
    ['a link in a style', '<rect style="fill:url(https://example.org/p)"/>'],
    ['an embedded document', '<foreignObject><div/></foreignObject>'],
  ])('refuses an SVG with %s', (_what, body) => {
    expect(checkLogo(svg(body))).toMatchObject({ ok: false, key: 'logoUnsafe' });
  });

  it('allows links inside the file itself', () => {
    expect(checkLogo(svg('<defs><linearGradient id="g"/></defs><rect fill="url(#g)"/><use href="#g"/>')).ok).toBe(true);
  });

  it('refuses other formats, broken images and large files', () => {
    expect(checkLogo('data:image/jpeg;base64,/9j/4AAQ')).toMatchObject({ ok: false, key: 'logoFormat' });
    expect(checkLogo('data:image/png;base64,AAAA')).toMatchObject({ ok: false, key: 'logoNotPng' });
    expect(checkLogo(svg('', ''))).toMatchObject({ ok: false, key: 'logoSize' });
    expect(checkLogo(`data:image/png;base64,${'A'.repeat(maxLogoDataUrlLength)}`)).toMatchObject({ ok: false, key: 'logoTooLarge' });
  });
});

describe('logo shapes', () => {
  it('refuses a very wide or very tall logo when it is chosen, saying why', () => {
    expect(checkLogo(svg('<rect width="100%" height="100%"/>', 'width="4000" height="20"'))).toMatchObject({ ok: false, key: 'logoAspect' });
    expect(checkLogo(svg('<rect width="100%" height="100%"/>', 'width="20" height="400"'))).toMatchObject({ ok: false, key: 'logoAspect' });
    expect(checkLogo(svg('<rect width="100%" height="100%"/>', 'width="320" height="40"'))).toMatchObject({ ok: true });
  });

  it('always fits the box on the cover, keeping the shape', () => {
    expect(fitLogo({ width: 4000, height: 20 }, 200, 48)).toEqual({ width: 200, height: 1 });
    expect(fitLogo({ width: 20, height: 400 }, 200, 48)).toEqual({ width: 2, height: 48 });
    expect(fitLogo({ width: 120, height: 40 }, 200, 48)).toEqual({ width: 144, height: 48 });
  });
});
