import type { ModuleContext } from '@immo/platform';
import type { AuthStore } from './store.ts';
import type { Sessions } from './sessions.ts';
import type { AccessTokens } from './access-tokens.ts';
import type { SigningKeys } from './signing-keys.ts';
import type { LoginThrottle } from './throttle.ts';
import type { SealedSecrets } from './sealed-secrets.ts';
import type { SmsSender } from './sms.ts';
import type { ClaimsProvider } from './contract.ts';

/** What the auth services share; built once in index.ts. */
export interface AuthDeps {
  ctx: ModuleContext;
  store: AuthStore;
  sessions: Sessions;
  tokens: AccessTokens;
  keys: SigningKeys;
  throttle: LoginThrottle;
  sealed: SealedSecrets;
  sms: SmsSender;
  claims: { provider?: ClaimsProvider };
  /** Base URL of the web app, for links in e-mails. */
  publicUrl: string;
}
