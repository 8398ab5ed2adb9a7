'use client';
import { formatNumber, t, type Locale, type MessageKey } from '@immo/i18n';
import type { Facets } from '../api/shapes.ts';
import { EPC_OPTIONS, FILTER_TYPES, SORT_OPTIONS, type SearchState } from './search-state.ts';

const SORT_LABELS: Record<(typeof SORT_OPTIONS)[number], MessageKey> = {
  relevance: 'search.sort',
  newest: 'search.sort.newest',
  price_asc: 'search.sort.priceAsc',
  price_desc: 'search.sort.priceDesc',
};

const field = 'w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-950';
const labelClass = 'mb-1 block text-xs font-semibold text-slate-600 dark:text-slate-300';

const countOf = (facets: Facets | undefined, facet: keyof Facets, value: string) => facets?.[facet].find((f) => f.value === value)?.count;

/** Every filter with its facet count; each change goes to the URL. */
export function FiltersPanel({
  state,
  facets,
  locale,
  onChange,
}: {
  state: SearchState;
  facets: Facets | undefined;
  locale: Locale;
  onChange: (change: Partial<SearchState>) => void;
}) {
  const tr = (key: MessageKey, params?: Record<string, string | number>) => t(locale, key, params);
  const withCount = (label: string, count: number | undefined) => (count === undefined ? label : `${label} (${formatNumber(count, locale)})`);
  const numberInput = (key: 'priceMin' | 'priceMax', label: string) => (
    <div>
      <label htmlFor={`filter-${key}`} className={labelClass}>
        {label}
      </label>
      <input
        id={`filter-${key}`}
        type="number"
        inputMode="numeric"
        min={0}
        step={key.startsWith('price') ? 1000 : 1}
        defaultValue={state[key] ?? ''}
        key={`${key}:${state[key] ?? ''}`}
        onBlur={(event) => {
          const value = event.target.value === '' ? undefined : Math.max(0, Math.round(Number(event.target.value)));
          if (value !== state[key]) onChange({ [key]: value });
        }}
        onKeyDown={(event) => event.key === 'Enter' && (event.target as HTMLInputElement).blur()}
        className={field}
      />
    </div>
  );
  return (
    <form aria-label={tr('search.filters')} className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-7" onSubmit={(e) => e.preventDefault()}>
      <div>
        <label htmlFor="filter-transaction" className={labelClass}>
          {tr('search.title')}
        </label>
        <select id="filter-transaction" className={field} value={state.transaction ?? ''} onChange={(e) => onChange({ transaction: (e.target.value || undefined) as SearchState['transaction'] })}>
          <option value="">{tr('web.filters.any')}</option>
          <option value="sale">{tr('transaction.sale')}</option>
          <option value="rent">{tr('transaction.rent')}</option>
        </select>
      </div>
      <div>
        <label htmlFor="filter-type" className={labelClass}>
          {tr('web.filters.type')}
        </label>
        <select id="filter-type" className={field} value={state.types?.[0] ?? ''} onChange={(e) => onChange({ types: e.target.value ? [e.target.value] : undefined })}>
          <option value="">{tr('web.filters.any')}</option>
          {FILTER_TYPES.map((type) => (
            <option key={type} value={type}>
              {withCount(tr(`propertyType.${type}` as MessageKey), countOf(facets, 'type', type))}
            </option>
          ))}
        </select>
      </div>
      {numberInput('priceMin', tr('price.min'))}
      {numberInput('priceMax', tr('price.max'))}
      <div>
        <label htmlFor="filter-bedrooms" className={labelClass}>
          {tr('web.filters.bedroomsMin')}
        </label>
        <select id="filter-bedrooms" className={field} value={state.bedroomsMin ?? ''} onChange={(e) => onChange({ bedroomsMin: e.target.value ? Number(e.target.value) : undefined })}>
          <option value="">{tr('web.filters.any')}</option>
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={n}>
              {n}+
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-epc" className={labelClass}>
          {tr('epc.title')}
        </label>
        <select id="filter-epc" className={field} value={state.epcMax ?? ''} onChange={(e) => onChange({ epcMax: e.target.value || undefined })}>
          <option value="">{tr('web.filters.any')}</option>
          {EPC_OPTIONS.map((label) => (
            <option key={label} value={label}>
              {tr('epc.atMost', { label })}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-sort" className={labelClass}>
          {tr('search.sort')}
        </label>
        <select id="filter-sort" className={field} value={state.sort ?? 'relevance'} onChange={(e) => onChange({ sort: e.target.value === 'relevance' ? undefined : (e.target.value as SearchState['sort']) })}>
          {SORT_OPTIONS.map((sort) => (
            <option key={sort} value={sort}>
              {sort === 'relevance' ? '—' : tr(SORT_LABELS[sort])}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
