import { formatDate, formatPrice, t, type Locale } from '@immo/i18n';

/** A small step chart of the asking price over time (SVG, no script), with the figures as a table for screen readers. */
export function PriceHistoryChart({ entries, locale, perMonth }: { entries: { price: number; changedAt: string }[]; locale: Locale; perMonth: boolean }) {
  if (entries.length === 0) return null;
  const prices = entries.map((e) => e.price);
  const min = Math.min(...prices);
  const max = Math.max(...prices);
  const width = 320;
  const height = 80;
  const x = (i: number) => (entries.length === 1 ? width / 2 : (i / (entries.length - 1)) * (width - 20) + 10);
  const y = (price: number) => (max === min ? height / 2 : height - 10 - ((price - min) / (max - min)) * (height - 20));
  // a step line: move to the first point, then across and up/down to each next one
  const path = entries.map((e, i) => `${i === 0 ? 'M' : 'H'}${x(i).toFixed(1)} ${i === 0 ? '' : 'V'}${y(e.price).toFixed(1)}`).join(' ');
  return (
    <figure>
      <svg viewBox={`0 0 ${width} ${height}`} className="h-24 w-full max-w-md text-brand-700 dark:text-sky-400" aria-hidden="true">
        <path d={path} fill="none" stroke="currentColor" strokeWidth="2" />
        {entries.map((e, i) => (
          <circle key={e.changedAt} cx={x(i)} cy={y(e.price)} r="3" fill="currentColor" />
        ))}
      </svg>
      <table className="mt-2 text-sm">
        <caption className="sr-only">{t(locale, 'web.priceHistory')}</caption>
        <tbody>
          {entries.map((e) => (
            <tr key={e.changedAt}>
              <td className="pr-4 text-slate-600 dark:text-slate-300">{formatDate(e.changedAt, locale)}</td>
              <td className="font-medium">{formatPrice(e.price, locale, { perMonth })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
