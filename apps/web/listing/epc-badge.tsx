import { epcColour, t, type Locale } from '@immo/i18n';

/** The EPC letter in the regional scale's colours, with a text label for screen readers. */
export function EpcBadge({ label, locale, small = false }: { label: string; locale: Locale; small?: boolean }) {
  const colour = epcColour(label) ?? { background: '#64748b', text: '#ffffff' };
  return (
    <span
      className={`inline-flex items-center rounded font-bold ${small ? 'px-1.5 text-xs' : 'px-3 py-1 text-lg'}`}
      style={{ backgroundColor: colour.background, color: colour.text }}
      title={t(locale, 'epc.label', { label })}
    >
      <span aria-hidden="true">{t(locale, 'epc.title')} {label}</span>
      <span className="sr-only">{t(locale, 'epc.label', { label })}</span>
    </span>
  );
}
