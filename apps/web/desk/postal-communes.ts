'use client';
import { useQuery } from '@tanstack/react-query';
import { ok } from '@immo/api-client';
import { api } from '../api/browser-client.ts';
import type { paths } from '@immo/api-client';

export type PostalCommune = paths['/v1/geo/postal-codes/{code}']['get']['responses'][200]['content']['application/json']['items'][number];

/** The communes a Belgian postal code serves (one, sometimes several); the server's refusal as the error. */
export function usePostalCommunes(postalCode: string) {
  const code = postalCode.trim();
  return useQuery({
    queryKey: ['postal-code', code],
    enabled: /^\d{4}$/.test(code),
    retry: false,
    staleTime: Infinity,
    queryFn: async () => ok(await api.GET('/v1/geo/postal-codes/{code}', { params: { path: { code } } })).items,
  });
}
