// The standalone page's web app manifest: the reader installed on a phone's
// home screen opens on its own, at the base path. Pure, so that a test can
// build it for any base path; tools/postbuild.mjs writes it next to
// index.html as manifest.webmanifest.
import fs from 'node:fs';
import path from 'node:path';

export const MANIFEST_NAME = 'manifest.webmanifest';
/** The standalone page's name (index.html's <title>). */
export const SITE_NAME = 'Cổng thông tin đối ngoại';
export const SITE_DESCRIPTION = 'Tin tức, sự kiện và hoạt động thông tin đối ngoại của địa phương.';

/** A light-scheme colour token of style/base.css (`--np-brand`), so the theme has one source. */
export function themeToken(root, name) {
  const css = fs.readFileSync(path.join(root, 'style', 'base.css'), 'utf8');
  const m = css.match(new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{3,8})\\s*;`));
  if (!m) throw new Error(`style/base.css has no --${name} colour`);
  return m[1];
}

/** The manifest for a reader served at `base` (ends in /), with its icon. */
export function webManifest({ base, theme, background, icon }) {
  return {
    id: base,
    name: SITE_NAME,
    short_name: 'Đối ngoại',
    description: SITE_DESCRIPTION,
    lang: 'vi',
    dir: 'ltr',
    start_url: base,
    scope: base,
    display: 'standalone',
    theme_color: theme,
    background_color: background,
    // An SVG scales to every size a launcher asks for.
    icons: icon ? [{ src: base + icon, sizes: 'any', type: 'image/svg+xml', purpose: 'any' }] : [],
  };
}
