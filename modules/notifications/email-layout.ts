import type { Locale } from '@immo/i18n';
import { layoutWords } from './templates.ts';

// One layout for every e-mail Immo sends about notifications: an HTML part
// (inline styles only: mail clients drop <style>) and its plain-text twin.

export interface EmailItem {
  title: string;
  body: string;
  /** Absolute link to open it. */
  link?: string;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export function renderEmail(locale: Locale, options: { heading: string; intro?: string; items: EmailItem[]; preferencesLink: string }): { html: string; text: string } {
  const words = layoutWords[locale];
  const blocks = options.items
    .map(
      (item) => `<tr><td style="padding:16px 0;border-bottom:1px solid #e5e7eb">
<p style="margin:0 0 4px;font-weight:600;font-size:16px">${escape(item.title)}</p>
<p style="margin:0 0 12px;font-size:15px;line-height:1.5">${escape(item.body)}</p>${
        item.link ? `\n<a href="${escape(item.link)}" style="display:inline-block;background:#0f766e;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none">${escape(words.open)}</a>` : ''
      }
</td></tr>`,
    )
    .join('\n');
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escape(options.heading)}</title></head>
<body style="margin:0;background:#f3f4f6;font-family:Arial,Helvetica,sans-serif;color:#111827">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-radius:8px;padding:24px">
<tr><td style="font-size:22px;font-weight:700;color:#0f766e;padding-bottom:8px">Immo</td></tr>
<tr><td><h1 style="font-size:20px;margin:8px 0">${escape(options.heading)}</h1>${options.intro ? `<p style="margin:0">${escape(options.intro)}</p>` : ''}</td></tr>
${blocks}
<tr><td style="padding-top:16px;font-size:12px;color:#6b7280">${escape(words.footer)} <a href="${escape(options.preferencesLink)}" style="color:#6b7280">${escape(words.preferences)}</a></td></tr>
</table></td></tr></table>
</body></html>
`;
  const text = [
    options.heading,
    ...(options.intro ? ['', options.intro] : []),
    ...options.items.flatMap((item) => ['', item.title, item.body, ...(item.link ? [item.link] : [])]),
    '',
    '-- ',
    words.footer,
    `${words.preferences}: ${options.preferencesLink}`,
    '',
  ].join('\n');
  return { html, text };
}
