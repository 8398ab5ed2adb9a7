import { redirectMailedLink } from '../../account/mailed-link.ts';

// The auth module mails `${PUBLIC_URL}/reset-password?token=…` (valid one hour).
export function GET(request: Request) {
  return redirectMailedLink(request, 'reset-password');
}
