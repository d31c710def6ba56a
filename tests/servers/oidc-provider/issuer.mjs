// An oidc-provider (panva) authorization server for agent tokens, bound to 127.0.0.1 only, plus small protected APIs
// under /api/<name> on the same port. hardened.mjs and weak.mjs start it with different token formats and lifetimes.
//
// Environment: PORT; RESEARCH_SECRET and BILLING_SECRET (client secrets); OPS_JWK (the public JWK the private_key_jwt
// client signs assertions with).
import crypto from 'node:crypto';
import http from 'node:http';
import Provider from 'oidc-provider';
import * as jose from 'jose';

const APIS = {
  research: 'tools:read reports:read',
  billing: 'payments:read',
  ops: 'tools:read',
};

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is not set`);
    process.exit(2);
  }
  return value;
}

export async function start({ accessTokenFormat, accessTokenTTL }) {
  const port = Number(required('PORT'));
  const issuer = `http://127.0.0.1:${port}`;
  const api = (name) => `${issuer}/api/${name}`;
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'issuer-rsa-1', use: 'sig', alg: 'RS256' };

  const client = (id, auth, apis, extra) => ({
    client_id: id,
    grant_types: ['client_credentials'],
    redirect_uris: [],
    response_types: [],
    token_endpoint_auth_method: auth,
    scope: [...new Set(apis.flatMap((name) => APIS[name].split(' ')))].join(' '),
    ...extra,
  });

  const provider = new Provider(issuer, {
    clients: [
      client('research-agent', 'client_secret_basic', ['research'], { client_secret: required('RESEARCH_SECRET') }),
      client('billing-agent', 'client_secret_post', ['billing'], { client_secret: required('BILLING_SECRET') }),
      client('ops-agent', 'private_key_jwt', ['ops'], {
        jwks: { keys: [JSON.parse(required('OPS_JWK'))] },
        token_endpoint_auth_signing_alg: 'RS256',
      }),
    ],
    jwks: { keys: [signingKey] },
    scopes: ['openid', ...new Set(Object.values(APIS).flatMap((s) => s.split(' ')))],
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: { enabled: true },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => undefined,
        useGrantedResource: () => true,
        getResourceServerInfo: (ctx, resourceIndicator) => {
          const name = Object.keys(APIS).find((key) => api(key) === resourceIndicator);
          if (!name) {
            throw new Provider.errors.InvalidTarget();
          }
          return {
            scope: APIS[name],
            audience: resourceIndicator,
            accessTokenTTL,
            accessTokenFormat,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    ttl: { ClientCredentials: accessTokenTTL },
  });

  // The protected APIs: opaque tokens are looked up in the provider's store (so revocation takes effect at once);
  // JWT access tokens are verified locally against the issuer's key, as resource servers do, until they expire.
  const publicKey = await jose.importJWK({ ...crypto.createPublicKey(privateKey).export({ format: 'jwk' }), alg: 'RS256' }, 'RS256');
  async function protectedApi(req, res, name) {
    const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    const reject = () => {
      res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer error="invalid_token"' });
      res.end('{"error":"invalid_token"}');
    };
    if (!match) return reject();
    let audience;
    let subject;
    if (match[1].split('.').length === 3) {
      try {
        const { payload } = await jose.jwtVerify(match[1], publicKey, { issuer, typ: 'at+jwt' });
        audience = payload.aud;
        subject = payload.sub;
      } catch {
        return reject();
      }
    } else {
      const token = await provider.ClientCredentials.find(match[1]);
      if (!token || token.isExpired) return reject();
      audience = token.aud;
      subject = token.clientId;
    }
    if (![audience].flat().includes(api(name))) return reject();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ api: name, sub: subject }));
  }

  const callback = provider.callback();
  http.createServer((req, res) => {
    const route = /^\/api\/([a-z]+)$/.exec(req.url ?? '');
    if (route && req.method === 'GET') {
      protectedApi(req, res, route[1]).catch(() => { res.writeHead(500); res.end(); });
    } else {
      callback(req, res);
    }
  }).listen(port, '127.0.0.1', () => console.log(`oidc-provider listening on ${issuer}`));
}
