import { redirectMailedLink } from '../../account/mailed-link.ts';

// The "you already have an account" mail links to `${PUBLIC_URL}/forgot-password`.
export function GET(request: Request) {
  return redirectMailedLink(request, 'forgot-password');
}
