import type { Draft } from '../../utils/contract/draft.ts';
import { adapterFor } from '../platforms/index.ts';
import { esc } from './html.ts';

export interface ReviewComment {
  draftId: string | null;
  authorName: string;
  body: string;
  createdAt: string;
}

export interface ReviewPageModel {
  headline: string;
  company: string;
  expiresAt: string;
  drafts: Draft[];
  comments: ReviewComment[];
  /** Path the comment forms post to (carries the token). */
  commentAction: string;
  notice?: string;
}

function commentsFor(model: ReviewPageModel, draftId: string): string {
  const list = model.comments
    .filter((c) => c.draftId === draftId)
    .map(
      (c) =>
        `<li><b>${esc(c.authorName)}</b> <small>${esc(c.createdAt.slice(0, 16).replace('T', ' '))} UTC</small><p>${esc(c.body)}</p></li>`,
    )
    .join('');
  return `<ul class="comments">${list}</ul>
<form method="post" action="${esc(model.commentAction)}"><input type="hidden" name="draftId" value="${esc(draftId)}">
<label>Your name <input name="name" required maxlength="100"></label>
<label>Comment <textarea name="body" required maxlength="5000" rows="3"></textarea></label><button>Send comment</button></form>`;
}

export function renderReviewPage(model: ReviewPageModel): string {
  const cards = model.drafts
    .map((d) => {
      const platform = adapterFor(d.platform);
      return `<section class="draft"><h2>${esc(platform.previewTitle)} · ${esc(d.angle)} <small class="status">${esc(d.status.replace('_', ' '))}</small></h2>
${platform.previewCard(d, model.company)}
${commentsFor(model, d.id)}</section>`;
    })
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>Review: ${esc(model.headline)}</title><style>${CSS}</style></head><body>
<main><h1>${esc(model.headline)}</h1><p class="meta">Ad drafts for review · link expires ${esc(model.expiresAt.slice(0, 16).replace('T', ' '))} UTC · you can read and comment</p>
${model.notice ? `<p class="notice" role="status">${esc(model.notice)}</p>` : ''}
${cards || '<p>No drafts for this release yet.</p>'}</main></body></html>`;
}

export function renderMessagePage(title: string, message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>${esc(title)}</title><style>${CSS}</style></head>
<body><main><h1>${esc(title)}</h1><p>${esc(message)}</p></main></body></html>`;
}

const CSS = `body{font:15px/1.4 system-ui,sans-serif;background:#f0f2f5;margin:0;color:#1c1e21}main{max-width:560px;margin:0 auto;padding:16px}
h1{font-size:20px}h2{font-size:14px;color:#555;margin:24px 0 8px}.meta{color:#555}.notice{background:#e7f3ff;padding:8px;border-radius:6px}
.card{background:#fff;border-radius:8px;box-shadow:0 1px 2px rgba(0,0,0,.2);overflow:hidden}.card header{display:flex;gap:8px;padding:12px;align-items:center}
.card header div{display:flex;flex-direction:column}.avatar{width:40px;height:40px;border-radius:50%;background:#ccd}.avatar.square{border-radius:4px}
.text{padding:0 12px;white-space:pre-wrap;margin:0 0 12px}.media{display:block;width:100%;aspect-ratio:1.91/1;object-fit:cover;background:#dde}
.card footer{display:flex;justify-content:space-between;align-items:center;gap:8px;padding:10px 12px;background:#f7f8fa}.card footer div{display:flex;flex-direction:column}
.cta{background:#e4e6eb;border-radius:6px;padding:6px 12px;font-weight:600;white-space:nowrap}.li .cta{border:1px solid #0a66c2;color:#0a66c2;background:#fff;border-radius:16px}
.comments{list-style:none;padding:0}.comments li{background:#fff;border-radius:6px;padding:6px 10px;margin:6px 0}.comments p{margin:4px 0;white-space:pre-wrap}
form{display:flex;flex-direction:column;gap:6px}input,textarea{width:100%;box-sizing:border-box;font:inherit}.status{font-weight:normal}`;
