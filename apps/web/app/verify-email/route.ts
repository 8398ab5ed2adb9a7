import { redirectMailedLink } from '../../account/mailed-link.ts';

// The auth module mails `${PUBLIC_URL}/verify-email?token=…`.
export function GET(request: Request) {
  return redirectMailedLink(request, 'verify-email');
}
