'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useLocale, useT } from '../i18n/use-locale.ts';
import { DESK_SECTIONS } from './desk-sections.ts';

/** The desk's own navigation; the current section says so (aria-current). */
export function DeskNav() {
  const t = useT();
  const locale = useLocale();
  const pathname = usePathname() ?? '';
  const base = `/${locale}/desk`;
  return (
    <nav aria-label={t('desk.nav.label')} className="border-b border-slate-200 dark:border-slate-800">
      <ul className="mx-auto flex max-w-5xl gap-1 overflow-x-auto px-4">
        {DESK_SECTIONS.map(({ path, label, exact }) => {
          const href = `${base}${path}`;
          const current = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={path}>
              <Link
                href={href}
                aria-current={current ? 'page' : undefined}
                className="block whitespace-nowrap border-b-2 border-transparent px-3 py-2.5 text-sm font-medium hover:border-slate-400 aria-[current=page]:border-brand-700 aria-[current=page]:text-brand-700 dark:aria-[current=page]:border-sky-400 dark:aria-[current=page]:text-sky-300"
              >
                {t(label)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
