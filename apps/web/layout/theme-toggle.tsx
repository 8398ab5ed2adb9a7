'use client';
import { useT } from '../i18n/use-locale.ts';

export function ThemeToggle() {
  const t = useT();
  const toggle = () => {
    const dark = document.documentElement.classList.toggle('dark');
    localStorage.setItem('immo.theme', dark ? 'dark' : 'light');
  };
  return (
    <button type="button" onClick={toggle} aria-label={t('web.theme.toggle')} title={t('web.theme.toggle')} className="rounded-md p-2 hover:bg-slate-100 dark:hover:bg-slate-800">
      <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" />
      </svg>
    </button>
  );
}
