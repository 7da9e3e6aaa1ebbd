import type { Image } from './schema';

/**
 * Never a picture of the release: share buttons (fb_share.png, twitter.png, pinterest.png…), tracking
 * pixels, sprites, UI icons, widget art. Tested on the file's path and the classes around the image,
 * never on the query (PR Newswire serves a real photo as "…jpg?p=facebook").
 */
const NOT_PHOTO =
  /share|social|sprite|spacer|1x1|avatar|facebook|fb_|twitter|pinterest|linkedin|whatsapp|weixin|wechat|youtube|instagram|widget|designimages|(?<![a-z])(?:icons?|pixel|blank|badge|button|arrows?|rss|e?mail|print|google|loader)(?![a-z])|\.(?:gif|svg)\b/i;

/** Named sizes (PR Newswire's `?p=`): a rank per name; no size marker at all is the original file. */
const NAMED: Record<string, number> = { original: 9999, large: 1600, facebook: 1200, linkedin: 1200, twitter: 1000, publish: 700, medium: 400, small: 200, thumbnail: 150 };

/**
 * The same photo at several sizes has one key: PR Newswire's `/prnvar/`, `/prnh/`, `/prnth/`, `/prn/` path
 * variants and `?p=` / `?w=` / `?max=` queries, WordPress's "-300x200" suffix. The rank orders the sizes.
 */
function variant(u: URL): [string, number] {
  const q = u.searchParams;
  const path = u.pathname;
  const wp = /-(\d+)x\d+(?=\.\w+$)/.exec(path);
  const rank =
    +(q.get('w') ?? q.get('width') ?? q.get('max') ?? q.get('maxwidth') ?? wp?.[1] ?? 0) ||
    NAMED[(q.get('p') ?? '').toLowerCase()] ||
    (/\/prnth\//.test(path) ? 150 : 9999);
  return [u.host + path.replace(/\/prn(?:var|h|th)?\//, '/prn/').replace(/-\d+x\d+(?=\.\w+$)/, ''), rank];
}

/**
 * The release's pictures, one entry per photo at its largest known URL (width/height only when the page
 * gives them for that URL), logos marked by file name or alt, photos listed before logos.
 */
export function images() {
  const seen = new Map<string, [Image, number]>();
  const add = (url: string | null, alt: string, context: string, w?: number, h?: number) => {
    if (!url) return;
    const u = new URL(url);
    // tiny: a pixel, or an icon
    if (NOT_PHOTO.test(`${u.pathname} ${context} ${alt.length < 25 ? alt : ''}`) || (w && h && (w < 3 || h < 3 || (w < 65 && h < 65)))) return;
    const [key, rank] = variant(u);
    const credit = /\(([^()]*\/[^()]*|(?:photo|credit|courtesy)[^()]*)\)\s*$/i.exec(alt)?.[1];
    const img: Image = { url, alt, logo: /logo/i.test(`${u.pathname.split('/').pop()} ${alt}`) };
    if (w) img.width = w;
    if (h) img.height = h;
    const had = seen.get(key);
    const old = had?.[0];
    if (old && rank <= had[1]) old.alt ||= alt;
    else seen.set(key, [old ? { ...img, alt: alt || old.alt, logo: img.logo || old.logo } : img, rank]);
    const now = seen.get(key)![0];
    if (credit || old?.credit) now.credit = credit ?? old!.credit;
  };
  const list = () => [...seen.values()].map((x) => x[0]).sort((a, b) => +a.logo! - +b.logo!);
  return { add, list };
}
