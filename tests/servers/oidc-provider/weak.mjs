// Weak: JWT access tokens (typ at+jwt) that live 24 hours. oidc-provider can neither introspect nor revoke them, so a
// leaked token stays usable until it expires.
import { start } from './issuer.mjs';

await start({ accessTokenFormat: 'jwt', accessTokenTTL: 86400 });
