import type { Image } from '../contract/release';

/**
 * The ad's picture: the release's own photo at its largest stated size; a logo only when the release has
 * no photo (lint says so). The extractor already drops share buttons, pixels and sprites; this is the
 * engine's own guard for releases that come from elsewhere (an import, an older extractor).
 */
const NOT_A_PICTURE =
  /(?:^|[/_.-])(?:fb_share|share|social|sprite|spacer|pixel|tracking|beacon|blank|transparent|facebook|twitter|pinterest|linkedin|whatsapp|youtube|instagram|email|print|icon|button|badge|rss)(?:[/_.-]|\.\w+$|$)|\.(?:gif|svg)(?:$|\?)/i;
/** Below this many pixels on its longer side a picture is a thumbnail or an icon, not an ad image. */
const MIN_SIDE = 200;

export interface ImageChoice {
  url: string;
  logo: boolean;
  /** For the rationale: which picture and why. */
  note: string;
}

const fileName = (url: string) => {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop() ?? url);
  } catch {
    return url;
  }
};

export function isPicture(img: Image): boolean {
  let path = img.url;
  try {
    path = new URL(img.url).pathname;
  } catch {
    /* relative or odd: test as given */
  }
  const side = Math.max(img.width ?? 0, img.height ?? 0);
  return !NOT_A_PICTURE.test(path) && !(side > 0 && side < MIN_SIDE);
}

export const isLogo = (img: Pick<Image, 'url' | 'alt' | 'logo'>) =>
  img.logo ?? /logo/i.test(`${fileName(img.url)} ${img.alt}`);

export function chooseImage(images: Image[]): ImageChoice | null {
  const usable = images.filter(isPicture);
  const area = (i: Image) => (i.width ?? 0) * (i.height ?? 0);
  // Page order (og:image first) among photos, unless a stated size shows a larger one.
  const photos = usable.filter((i) => !isLogo(i)).sort((a, b) => (area(a) && area(b) ? area(b) - area(a) : 0));
  const pick = photos[0] ?? usable.find(isLogo);
  if (!pick) return null;
  const size = pick.width && pick.height ? `, ${pick.width}×${pick.height}` : '';
  const logo = !photos.length;
  return {
    url: pick.url,
    logo,
    note: logo
      ? `Image: the company logo (${fileName(pick.url)}${size}): the release has no photo of its own.`
      : `Image: the release's own photo (${fileName(pick.url)}${size}), the largest size the page offers.`,
  };
}
