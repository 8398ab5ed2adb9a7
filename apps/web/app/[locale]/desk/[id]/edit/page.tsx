import type { Metadata } from 'next';
import { t } from '@immo/i18n';
import { ListingEditor } from '../../../../../desk/listing-editor.tsx';
import { routeLocale } from '../../../../../i18n/locale-params.ts';

interface Params {
  params: Promise<{ locale: string; id: string }>;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const locale = await routeLocale(params);
  return { title: t(locale, 'desk.edit.pageTitle'), robots: { index: false } };
}

export default async function Page({ params }: Params) {
  const { id } = await params;
  return <ListingEditor id={id} />;
}
