import { useState } from 'react';

export function Avatar({ name, shape }: { name: string; shape: 'circle' | 'square' }) {
  const initials =
    name
      .replace(/[^\p{L}\p{N} ]/gu, '')
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((w) => w[0]!.toUpperCase())
      .join('') || 'W';
  return (
    <span className={`avatar avatar-${shape}`} aria-hidden="true">
      {initials}
    </span>
  );
}

/** The ad image, or a calm placeholder when there is none (or it fails to load, e.g. offline). */
export function AdImage({ url, label, ratio }: { url: string | null; label: string; ratio: 'fb' | 'li' }) {
  const [failed, setFailed] = useState(false);
  if (!url || failed) {
    return (
      <div className={`ad-image ad-image-${ratio} placeholder`} role="img" aria-label="No image yet">
        <span>{label}</span>
        <small>Add an image (1200 × 628)</small>
      </div>
    );
  }
  return <img className={`ad-image ad-image-${ratio}`} src={url} alt="" onError={() => setFailed(true)} />;
}
