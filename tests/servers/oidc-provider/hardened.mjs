// Hardened: opaque access tokens (revocable and introspectable) that live 5 minutes.
import { start } from './issuer.mjs';

await start({ accessTokenFormat: 'opaque', accessTokenTTL: 300 });
