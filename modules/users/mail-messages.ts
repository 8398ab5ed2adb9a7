type Locale = 'fr' | 'nl' | 'de' | 'en';

const INVITATION: Record<Locale, (agency: string) => [string, string]> = {
  fr: (a) => [`Invitation à rejoindre ${a} sur Immo`, `${a} vous invite à rejoindre son équipe sur Immo. Acceptez avec ce lien (valable 7 jours) :`],
  nl: (a) => [`Uitnodiging om ${a} te vervoegen op Immo`, `${a} nodigt u uit in zijn team op Immo. Aanvaard via deze link (7 dagen geldig):`],
  de: (a) => [`Einladung zu ${a} auf Immo`, `${a} lädt Sie in sein Team auf Immo ein. Nehmen Sie über diesen Link an (7 Tage gültig):`],
  en: (a) => [`Invitation to join ${a} on Immo`, `${a} invites you to its team on Immo. Accept with this link (valid 7 days):`],
};

export function invitationMail(locale: Locale, agency: string, link: string) {
  const [subject, lead] = INVITATION[locale](agency);
  return { subject, text: `${lead}\n\n${link}\n\n— Immo` };
}
