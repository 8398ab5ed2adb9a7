'use client';
import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';

const WIDTH = { narrow: 'w-[min(26rem,calc(100vw-2rem))]', wide: 'w-[min(28rem,calc(100vw-2rem))]' } as const;

/**
 * The app's modal dialog, placed in a Radix `Dialog.Root` beside its trigger:
 * a dimmed overlay and a centred panel (light and dark) named by `title` and
 * described by `description` (read to screen readers only when
 * `hideDescription`). Radix keeps the focus inside, closes on Escape and
 * gives the focus back to the trigger.
 */
export function DialogPanel({
  title,
  description,
  hideDescription = false,
  width = 'wide',
  children,
}: {
  title: ReactNode;
  description: ReactNode;
  hideDescription?: boolean;
  width?: keyof typeof WIDTH;
  children: ReactNode;
}) {
  return (
    <Dialog.Portal>
      <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-950/50" />
      <Dialog.Content
        className={`fixed top-1/2 left-1/2 z-50 ${WIDTH[width]} -translate-x-1/2 -translate-y-1/2 rounded-xl bg-white p-5 shadow-xl dark:bg-slate-900`}
      >
        <Dialog.Title className={`${hideDescription ? 'mb-3' : 'mb-2'} text-lg font-semibold`}>
          {title}
        </Dialog.Title>
        <Dialog.Description
          className={hideDescription ? 'sr-only' : 'mb-4 text-sm text-slate-700 dark:text-slate-300'}
        >
          {description}
        </Dialog.Description>
        {children}
      </Dialog.Content>
    </Dialog.Portal>
  );
}
