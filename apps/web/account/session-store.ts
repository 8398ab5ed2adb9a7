'use client';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

/** The signed-in person's tokens, kept in this browser (access token 15 min, refresh token 30 days). */
export interface Session {
  userId: string;
  accessToken: string;
  refreshToken: string;
  /** ms since epoch when the access token stops working. */
  expiresAt: number;
  email: string;
}

interface SessionState {
  session: Session | null;
  signIn(session: Session): void;
  signOut(): void;
}

export const useSession = create<SessionState>()(
  persist(
    (set) => ({
      session: null,
      signIn: (session) => set({ session }),
      signOut: () => set({ session: null }),
    }),
    { name: 'immo.session' },
  ),
);
