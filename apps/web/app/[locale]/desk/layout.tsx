import type { ReactNode } from 'react';
import { DeskNav } from '../../../desk/desk-nav.tsx';

export default function DeskLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <DeskNav />
      {children}
    </>
  );
}
