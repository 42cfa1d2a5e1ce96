// "The limit": the article page as a server would send it ready-made — the
// same markup as the reader renders (same classes, same structure, same text,
// same images), the reader's own bundled stylesheet, and no script at all.
//
// Like the reader, the markup lives in an open shadow root of
// `<div data-news-portal>`, but a declarative one (`<template
// shadowrootmode="open">`), so the reader's CSS — written for a shadow root
// (`:host`, `.np-host`) — applies unchanged. The stylesheet is also linked from
// <head> so that it is render-blocking, as any server-rendered page's CSS
// would be (its rules are all scoped to `.np…`/`:host`, so in <head> they
// match nothing; the shadow root's link then reuses the same response).
//
// Generated from the same JSON the reader gets (site, article, first list
// page, visitor figures), with the reader's Vietnamese formatting.

const esc = (s) => String(s ?? '')
  .replace(/&/g, '&amp;')
  .replace(/</g, '&lt;')
  .replace(/>/g, '&gt;')
  .replace(/"/g, '&quot;');

/** Parse RFC 3339 into the wall-clock parts in UTC+07:00 (the reader's rule). */
function vnParts(s) {
  const t = Date.parse(s);
  if (!Number.isFinite(t)) return null;
  const d = new Date(t + 7 * 3600 * 1000);
  return { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds() };
}
const p2 = (n) => String(n).padStart(2, '0');
/** "15/09/2023" */
export function vnDate(s) {
  const p = vnParts(s);
  return p ? `${p2(p.d)}/${p2(p.mo)}/${p.y}` : '';
}
/** "15/09/2023 8:15:00 SA" (12-hour clock, SA/CH, as the portals print it). */
export function vnDateTime(s) {
  const p = vnParts(s);
  if (!p) return '';
  const h12 = p.h % 12 === 0 ? 12 : p.h % 12;
  return `${vnDate(s)} ${h12}:${p2(p.mi)}:${p2(p.s)} ${p.h < 12 ? 'SA' : 'CH'}`;
}
/** 1.234.567 */
export function vnNumber(n) {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
/** The reader's RFC 3339 with +07:00, as in its <time datetime>. */
function isoVn(s) {
  const p = vnParts(s);
  return p ? `${p.y}-${p2(p.mo)}-${p2(p.d)}T${p2(p.h)}:${p2(p.mi)}:${p2(p.s)}+07:00` : '';
}

/** The reader's page_window (src/components/pagination.rs): null stands for a gap. */
export function pageWindow(current, count) {
  const out = [];
  let last = 0;
  for (let p = 1; p <= count; p++) {
    const near = p + 2 >= current && p <= current + 2;
    if (p === 1 || p === count || near || (current <= 3 && p <= 5) || (current + 2 >= count && p + 4 >= count)) {
      if (p > last + 1) out.push(null);
      out.push(p);
      last = p;
    }
  }
  return out;
}

const articleHref = (a) => `/bai-viet/${encodeURIComponent(a.id)}${a.slug ? '/' + encodeURIComponent(a.slug) : ''}`;

/**
 * @param {{site: any, article: any, list: any[], visitors: any, apiBase: string,
 *          pageUrl: string, css: string, cssLater?: string, pageCss?: string, favicon?: string, today?: string}} o
 *   list: the first page of the latest news (the reader's "Tin khác" asks for page 1, 10 items);
 *   total, perPage: the list's total and page size, for its pagination.
 *   css, cssLater, pageCss, favicon: URLs (same-origin paths) of the reader's bundled CSS (its first and
 *   its later sheet: a server-rendered page has every style at once), the host page's CSS, the icon.
 */
export function staticArticleHtml(o) {
  const { site, article: a, visitors, apiBase } = o;
  const media = (u) => {
    try {
      return new URL(u, apiBase).href;
    } catch {
      return '';
    }
  };
  const img = (im, cls, { eager = false } = {}) => {
    if (!im || !im.url) return '';
    const w = im.width > 0 && im.height > 0 ? im.width : 600;
    const h = im.width > 0 && im.height > 0 ? im.height : 400;
    return `<img class="${cls}" src="${esc(media(im.url))}" alt="${esc(im.alt || '')}" width="${w}" height="${h}" loading="${eager ? 'eager' : 'lazy'}" fetchpriority="${eager ? 'high' : 'auto'}" decoding="async">`;
  };
  const card = (it, { compact = false, level = 3 } = {}) => {
    const href = articleHref(it);
    const media_ = it.thumbnail?.url
      ? `<a class="np-card__media" href="${esc(href)}" tabindex="-1" aria-hidden="true">${img(it.thumbnail, 'np-card__thumb')}</a>`
      : '';
    const summary = !compact && it.summary ? `<p class="np-card__summary">${esc(it.summary)}</p>` : '';
    const cat = !compact && it.category ? `<span class="np-card__category">${esc(it.category.name)}</span>` : '';
    const date = it.published_at ? `<time class="np-card__date" datetime="${esc(isoVn(it.published_at))}">${vnDate(it.published_at)}</time>` : '';
    const views = !compact && typeof it.views === 'number' ? `<span class="np-card__views">Lượt xem: ${vnNumber(it.views)}</span>` : '';
    return `<article class="np-card${compact ? ' np-card--compact' : ''}">${media_}<div class="np-card__text">` +
      `<h${level} class="np-card__heading"><a class="np-card__title" href="${esc(href)}">${esc(it.title)}</a></h${level}>` +
      `${summary}<p class="np-card__meta">${cat}${date}${views}</p></div></article>`;
  };

  // Body: the demo bodies are clean (the reader's sanitiser leaves them as
  // they are); like the reader, resolve media URLs and make images lazy.
  const body = String(a.body_html || '').replace(/<img\b([^>]*?)\s*\/?>/gi, (m, attrs) => {
    let at = attrs.replace(/\bsrc\s*=\s*"([^"]*)"/i, (_, u) => `src="${esc(media(u.replace(/&amp;/g, '&')))}"`);
    if (!/\bloading=/i.test(at)) at += ' loading="lazy"';
    if (!/\bdecoding=/i.test(at)) at += ' decoding="async"';
    return `<img${at}>`;
  });
  const leadImage = a.thumbnail && !/<img/i.test(a.body_html || '') ? img(a.thumbnail, 'np-article__image', { eager: true }) : '';
  const pageUrlEnc = encodeURIComponent(o.pageUrl);
  const updated = a.updated_at && Date.parse(a.updated_at) !== Date.parse(a.published_at)
    ? `<span class="np-article__updated">Cập nhật: <time datetime="${esc(a.updated_at)}">${vnDateTime(a.updated_at)}</time></span>` : '';

  const header = `<a class="np-skip" href="#np-main">Bỏ qua để xem nội dung</a><header class="np-header"><div class="np-header__bar">` +
    `<a class="np-brand" href="/"><span class="np-brand__emblem" aria-hidden="true"></span><span class="np-brand__name">${esc(site.name)}</span></a>` +
    `<div class="np-header__tools"><form class="np-search" role="search"><label class="np-visually-hidden" for="np-search-q">Tìm kiếm</label>` +
    `<input class="np-search__input" id="np-search-q" type="search" name="q" placeholder="Nhập từ khóa…" autocomplete="off">` +
    `<button class="np-search__button" type="submit">Tìm</button></form><button class="np-lang" type="button" lang="en">English</button></div></div>` +
    `<nav class="np-nav" aria-label="Chuyên mục"><ul class="np-nav__list"><li><a class="np-nav__link" href="/">Trang chủ</a></li>` +
    (site.categories || []).map((c) => `<li><a class="np-nav__link" href="/chuyen-muc/${esc(c.slug)}">${esc(c.name)}</a></li>`).join('') +
    `</ul></nav></header>`;

  const art = `<article class="np-article np-fs-1">` +
    `<nav class="np-breadcrumb" aria-label="Đường dẫn"><ol><li><a href="/">Trang chủ</a></li>` +
    (a.category ? `<li><a href="/chuyen-muc/${esc(a.category.slug)}">${esc(a.category.name)}</a></li>` : '') + `</ol></nav>` +
    `<h1 class="np-article__title" tabindex="-1">${esc(a.title)}</h1>` +
    `<p class="np-article__meta">` +
    (a.published_at ? `<span class="np-article__published">Ngày đăng: <time datetime="${esc(a.published_at)}">${vnDateTime(a.published_at)}</time></span>` : '') +
    updated +
    (typeof a.views === 'number' ? `<span class="np-article__views">Lượt xem: ${vnNumber(a.views)}</span>` : '') + `</p>` +
    `<div class="np-tools" role="group" aria-label="Công cụ đọc bài"><button class="np-tools__smaller" type="button" aria-label="Giảm cỡ chữ">A−</button>` +
    `<button class="np-tools__larger" type="button" aria-label="Tăng cỡ chữ">A+</button><button class="np-tools__print" type="button">In bài</button>` +
    `<button class="np-tools__copy" type="button">Sao chép liên kết</button>` +
    `<a class="np-tools__facebook" href="https://www.facebook.com/sharer/sharer.php?u=${pageUrlEnc}" target="_blank" rel="noopener noreferrer">Facebook</a>` +
    `<a class="np-tools__zalo" href="https://sp.zalo.me/share?url=${pageUrlEnc}" target="_blank" rel="noopener noreferrer">Zalo</a>` +
    `<button class="np-tools__listen" type="button" aria-pressed="false">Nghe đọc bài</button><button class="np-tools__stop" type="button" hidden="">Dừng</button>` +
    `<span class="np-tools__status" role="status"></span></div>` +
    (a.summary ? `<p class="np-article__lead">${esc(a.summary)}</p>` : '') +
    leadImage +
    `<div class="np-article__body">${body}</div>` +
    ((a.author || a.source)
      ? `<p class="np-byline">` +
        (a.author ? `<span class="np-byline__author"><span class="np-visually-hidden">Tác giả: </span>${esc(a.author)}</span>` : '') +
        (a.source ? `<span class="np-byline__source">Nguồn: ${esc(a.source)}</span>` : '') + `</p>`
      : '') +
    (a.tags?.length
      ? `<div class="np-tags"><span class="np-tags__label">Từ khóa: </span><ul class="np-tags__list">` +
        a.tags.map((t) => `<li><a class="np-tags__tag" href="/tim-kiem?q=${encodeURIComponent(t)}">${esc(t)}</a></li>`).join('') + `</ul></div>`
      : '') +
    `<p class="np-article__url">Địa chỉ bài viết: ${esc(o.pageUrl)}</p></article>`;

  const related = a.related || [];
  const carousel = related.length
    ? `<section class="np-carousel" aria-roledescription="carousel" aria-label="Tin liên quan"><div class="np-carousel__head"><h2 class="np-section-title">Tin liên quan</h2>` +
      `<div class="np-carousel__controls"><button class="np-carousel__prev" type="button" aria-controls="np-related-track" aria-label="Tin trước" disabled=""><span aria-hidden="true">‹</span></button>` +
      `<button class="np-carousel__next" type="button" aria-controls="np-related-track" aria-label="Tin sau"${related.length < 2 ? ' disabled=""' : ''}><span aria-hidden="true">›</span></button></div></div>` +
      `<div class="np-carousel__track" id="np-related-track" aria-live="polite">` +
      related.map((r, i) => `<div class="np-carousel__slide" role="group" aria-roledescription="slide" aria-label="${i + 1} / ${related.length}">${card(r, { compact: true })}</div>`).join('') +
      `</div></section>`
    : '';

  const others = (o.list || []).filter((x) => x.id !== a.id).slice(0, 50);
  // Page 1 of the latest news, paginated like the reader (10 a page).
  const count = Math.max(1, Math.ceil((o.total ?? others.length) / (o.perPage || 10)));
  const self = articleHref(a);
  const pageHref = (p) => esc(p === 1 ? self : `${self}?trang=${p}`);
  const pagination = count > 1
    ? `<nav class="np-pagination" aria-label="Phân trang">` +
      pageWindow(1, count).map((p) => (p === null
        ? `<span class="np-pagination__gap" aria-hidden="true">…</span>`
        : `<a class="np-pagination__page" href="${pageHref(p)}"${p === 1 ? ' aria-current="page"' : ''} aria-label="Trang ${p}">${p}</a>`)).join('') +
      `<a class="np-pagination__next" href="${pageHref(2)}" aria-label="Trang sau">»</a></nav>`
    : '';
  const other = `<section class="np-list np-other"><h2 class="np-section-title">Tin khác</h2><div class="np-list__items">` +
    others.map((x) => card(x, { level: 3 })).join('') + `</div>${pagination}</section>`;

  const v = visitors || {};
  const vrow = (label, n) => (typeof n === 'number' ? `<div class="np-visitors__row"><dt>${label}</dt><dd>${vnNumber(n)}</dd></div>` : '');
  const aside = `<aside class="np-aside">` +
    `<section class="np-day-picker" aria-labelledby="np-day-title"><h2 class="np-section-title" id="np-day-title">Xem tin theo ngày</h2>` +
    `<form class="np-day-picker__form"><label class="np-visually-hidden" for="np-day-input">Xem tin theo ngày</label>` +
    `<input class="np-day-picker__input" id="np-day-input" type="date" required="" max="${esc(o.today || new Date().toISOString().slice(0, 10))}">` +
    `<button class="np-day-picker__button" type="submit">Xem</button></form></section>` +
    `<section class="np-visitors" aria-labelledby="np-visitors-title"><h2 class="np-section-title" id="np-visitors-title">Thống kê truy cập</h2><dl class="np-visitors__list">` +
    vrow('Đang truy cập', v.online) + vrow('Hôm nay', v.today) + vrow('Trong tuần', v.week) + vrow('Trong tháng', v.month) + vrow('Tổng lượt truy cập', v.total) +
    `</dl></section>` +
    ((site.link_groups || []).length
      ? `<section class="np-links" aria-labelledby="np-links-title"><h2 class="np-section-title" id="np-links-title">Liên kết website</h2>` +
        site.link_groups.map((g) => `<div class="np-links__group"><h3 class="np-links__name">${esc(g.name)}</h3><ul class="np-links__list">` +
          (g.links || []).map((l) => `<li><a href="${esc(new URL(l.url).href)}" target="_blank" rel="noopener noreferrer">${esc(l.title)}</a></li>`).join('') +
          `</ul></div>`).join('') +
        `</section>`
      : '') +
    `</aside>`;

  const line = (label, value) => (value ? `<p class="np-footer__line"><span class="np-footer__label">${label}: </span>${value}</p>` : '');
  const footer = `<footer class="np-footer"><p class="np-footer__name">${esc(site.name)}</p>` +
    line('Cơ quan chủ quản', esc(site.agency)) + line('Giấy phép', esc(site.licence)) + line('Chịu trách nhiệm chính', esc(site.responsible)) +
    line('Địa chỉ', esc(site.address)) + line('Điện thoại', esc(site.phone)) +
    line('Email', site.email ? `<a href="mailto:${esc(site.email)}">${esc(site.email)}</a>` : '') +
    (site.source_notice ? `<p class="np-footer__notice">${esc(site.source_notice)}</p>` : '') +
    ((site.badges || []).length
      ? `<ul class="np-badges">` + site.badges.map((b) => {
        const im = `<img class="np-badges__img" src="${esc(media(b.image))}" alt="${esc(b.title)}" loading="lazy" height="40">`;
        return `<li>${b.url ? `<a href="${esc(new URL(b.url).href)}" target="_blank" rel="noopener noreferrer">${im}</a>` : im}</li>`;
      }).join('') + `</ul>`
      : '') +
    `</footer><button class="np-back-to-top" type="button"><span aria-hidden="true">↑</span><span class="np-visually-hidden">Lên đầu trang</span></button>`;

  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(a.title)} - ${esc(site.name)}</title>
<meta name="description" content="${esc(a.summary || '')}">
<meta name="color-scheme" content="light dark">
${o.favicon ? `<link rel="icon" href="${esc(o.favicon)}" type="image/svg+xml">\n` : ''}${o.pageCss ? `<link rel="stylesheet" href="${esc(o.pageCss)}">\n` : ''}<link rel="stylesheet" href="${esc(o.css)}">
${o.cssLater ? `<link rel="stylesheet" href="${esc(o.cssLater)}">\n` : ''}</head>
<body>
<div data-news-portal data-standalone><template shadowrootmode="open"><link rel="stylesheet" href="${esc(o.css)}">${o.cssLater ? `<link rel="stylesheet" href="${esc(o.cssLater)}">` : ''}<div class="np-host"><div class="np" lang="vi">${header}<div class="np-layout"><main class="np-main" id="np-main" tabindex="-1">${art}${carousel}${other}</main>${aside}</div>${footer}</div></div></template></div>
</body>
</html>
`;
}
