'use client';
import { useQuery } from '@tanstack/react-query';
import { ok } from '@immo/api-client';
import { api } from '../api/browser-client.ts';

/** GET /v1/auth/me: the account, its MFA state, agencies and linked identities. */
export function useMe(userId: string) {
  return useQuery({ queryKey: ['me', userId], queryFn: async () => ok(await api.GET('/v1/auth/me')) });
}
