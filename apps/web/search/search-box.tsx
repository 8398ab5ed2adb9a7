'use client';
import * as ToggleGroup from '@radix-ui/react-toggle-group';
import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { ok } from '@immo/api-client';
import { api } from '../api/browser-client.ts';
import { useLocale, useT } from '../i18n/use-locale.ts';
import { useRecentSearches } from './recent-searches-store.ts';
import { searchStateQuery } from './search-state.ts';

/** The word being typed: suggestions complete it, after keywords like "appartement". */
function lastWords(text: string): string {
  return text.trim().split(/\s+/).at(-1) ?? '';
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** Search box with live suggestions (communes in every language, postal codes) and the buy/rent switch. */
export function SearchBox() {
  const locale = useLocale();
  const t = useT();
  const router = useRouter();
  const remember = useRecentSearches((s) => s.remember);
  const [text, setText] = useState('');
  const [transaction, setTransaction] = useState<'sale' | 'rent'>('sale');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();
  // marks the form as interactive once React has hydrated it (tests wait for it)
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  const typed = useDebounced(text.trim(), 150);
  const fragment = lastWords(typed);

  const suggestions = useQuery({
    queryKey: ['suggest', locale, fragment],
    enabled: fragment.length >= 2,
    queryFn: async () => ok(await api.GET('/v1/search/suggest', { params: { query: { q: fragment, lang: locale, limit: '8' } } })).items,
  });
  const items = fragment.length >= 2 ? (suggestions.data ?? []) : [];

  const go = (q: string) => {
    const query = searchStateQuery({ q: q.trim() || undefined, transaction });
    remember({ query, label: `${t(transaction === 'sale' ? 'transaction.sale' : 'transaction.rent')} · ${q.trim() || '…'}` });
    setOpen(false);
    router.push(`/${locale}/search?${query}`);
  };

  const choose = (index: number) => {
    const item = items[index];
    if (!item) return;
    // replace the words the suggestion completes, keep the rest ("appartement Ixel" → "appartement Ixelles")
    const before = text.trim().slice(0, Math.max(0, text.trim().length - fragment.length)).trim();
    const label = item.kind === 'postal_code' ? (item.postalCode ?? item.label) : item.label.replace(/\s*\(.*\)$/, '');
    const next = `${before} ${label}`.trim();
    setText(next);
    go(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && items.length) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % items.length);
    } else if (event.key === 'ArrowUp' && items.length) {
      event.preventDefault();
      setActive((i) => (i <= 0 ? items.length - 1 : i - 1));
    } else if (event.key === 'Escape') {
      setOpen(false);
    } else if (event.key === 'Enter' && open && active >= 0) {
      event.preventDefault();
      choose(active);
    }
  };

  return (
    <form
      role="search"
      data-ready={ready ? 'true' : undefined}
      className="rounded-2xl bg-white p-4 shadow-lg ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700"
      onSubmit={(event) => {
        event.preventDefault();
        go(text);
      }}
    >
      <ToggleGroup.Root
        type="single"
        value={transaction}
        onValueChange={(value) => value && setTransaction(value as 'sale' | 'rent')}
        aria-label={t('search.title')}
        className="mb-3 inline-flex rounded-lg bg-slate-100 p-1 dark:bg-slate-800"
      >
        {(['sale', 'rent'] as const).map((value) => (
          <ToggleGroup.Item
            key={value}
            value={value}
            className="rounded-md px-4 py-1.5 text-sm font-medium data-[state=on]:bg-white data-[state=on]:shadow dark:data-[state=on]:bg-slate-950"
          >
            {t(value === 'sale' ? 'transaction.sale.verb' : 'transaction.rent.verb')}
          </ToggleGroup.Item>
        ))}
      </ToggleGroup.Root>
      <div className="relative flex gap-2">
        <label htmlFor="search-text" className="sr-only">
          {t('search.location')}
        </label>
        <input
          id="search-text"
          name="q"
          type="text"
          autoComplete="off"
          role="combobox"
          aria-expanded={open && items.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
          placeholder={t('web.searchPlaceholder')}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          className="min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-4 py-3 text-base dark:border-slate-600 dark:bg-slate-950"
        />
        <button type="submit" className="rounded-lg bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800">
          {t('search.title')}
        </button>
        <ul
          id={listId}
          role="listbox"
          aria-label={t('web.suggestions')}
          hidden={!open || items.length === 0}
          className="absolute left-0 right-24 top-full z-20 mt-1 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-xl dark:border-slate-700 dark:bg-slate-900"
        >
          {items.map((item, index) => (
            <li
              key={`${item.kind}:${item.label}`}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(index);
              }}
              className={`flex cursor-pointer justify-between px-4 py-2 text-sm ${index === active ? 'bg-brand-50 dark:bg-slate-800' : ''}`}
            >
              <span>{item.label}</span>
              <span className="text-slate-600 dark:text-slate-300">{t('web.suggestion.listings', { count: item.listingCount })}</span>
            </li>
          ))}
        </ul>
      </div>
    </form>
  );
}
