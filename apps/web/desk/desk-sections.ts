import type { MessageKey } from '@immo/i18n';

/**
 * The desk's sections, in the order of its navigation. A new desk page
 * (inbox, availability...) adds one line here: its path under /[locale]/desk
 * and the key of its label.
 */
export const DESK_SECTIONS: { path: string; label: MessageKey; exact?: boolean }[] = [
  { path: '', label: 'desk.nav.listings', exact: true },
  { path: '/new', label: 'desk.nav.new' },
  { path: '/inbox', label: 'conversations.inbox.link' },
  { path: '/availability', label: 'conversations.availability.link' },
  { path: '/team', label: 'desk.nav.team' },
];
