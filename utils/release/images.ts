import type { Image } from '../contract/release';

/**
 * Never a picture of the release: share buttons (fb_share.png, twitter.png, pinterest.png…), tracking
 * pixels, sprites, UI icons, widget art. Tested on the file's path and a short alt, never on the query
 * (PR Newswire serves a real photo as "…jpg?p=facebook").
 */
const NOT_PHOTO =
  /share|social|sprite|spacer|facebook|twitter|pinterest|linkedin|whatsapp|youtube|instagram|widget|designimages|(?<![a-z])(?:icons?|pixel|button|e?mail|print|google)(?![a-z])|\.(?:gif|svg)\b/i;

/**
 * The release's pictures, one entry per photo at the largest URL the page offers: PR Newswire serves one
 * photo under `/prnvar/`, `/prnh/`, `/prnth/`, `/prn/` paths and `?p=` / `?w=` / `?max=` queries, WordPress
 * as "-1024x576.jpg", so they share a key and the largest wins (the first of two named sizes). Width/height only when the page states
 * them for that URL; logos
 * (file name or alt) are marked and listed after the photos.
 */
export function images() {
  const seen = new Map<string, [Image, number]>();
  const add = (url: string | null, alt: string, width: number, height: number) => {
    const u = url && new URL(url);
    // a pixel or an icon, by its name or its size
    if (
      !u ||
      NOT_PHOTO.test(`${u.pathname} ${alt.length < 25 ? alt : ''}`) ||
      (width < 65 && height < 65 && width * height)
    )
      return;
    const q = u.searchParams;
    const wp = /-(\d+)x\d+(?=\.\w+$)/;
    // a width asked for or in the name, a named size (PR Newswire's ?p=facebook, ?p=thumbnail…), or none: the original
    const size = +(q.get('w') ?? q.get('max') ?? wp.exec(u.pathname)?.[1] ?? 0) || (q.get('p') ? 500 : 1e4);
    const key = u.host + u.pathname.replace(/\/prn\w*\//, '/').replace(wp, '');
    const [old, had = 0] = seen.get(key) ?? [];
    const img: Image = {
      url: url!,
      alt: alt || old?.alt || '',
      logo: /logo/i.test(u.pathname.split('/').pop() + alt) || !!old?.logo,
    };
    if (width) img.width = width;
    if (height) img.height = height;
    if (size > had) seen.set(key, [img, size]);
    else old!.alt ||= alt;
  };
  return { add, list: () => [...seen.values()].map((x) => x[0]).sort((a, b) => +a.logo! - +b.logo!) };
}
