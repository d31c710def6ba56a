// A minimal OAuth 2.0 issuer for the agent-gateway tests: client_credentials only, JWT access tokens (typ at+jwt)
// whose audience is the requested gateway's resource indicator (RFC 8707). Listens on 127.0.0.1 only.
//
// Environment:
//   PORT                  port to listen on
//   GATEWAY_RESOURCES     JSON array of the gateways' resource indicators, e.g. ["http://127.0.0.1:41234/"]
//   GATEWAY_CLIENTS       JSON array of {"client_id": "...", "client_secret": "..."}, one per agent
import Provider from 'oidc-provider';

const port = Number(process.env.PORT);
const resources = JSON.parse(process.env.GATEWAY_RESOURCES ?? '[]');
const clients = JSON.parse(process.env.GATEWAY_CLIENTS ?? '[]');
if (!port || resources.length === 0 || clients.length === 0) {
  console.error('PORT, GATEWAY_RESOURCES and GATEWAY_CLIENTS are required');
  process.exit(2);
}

const issuer = `http://127.0.0.1:${port}`;
const provider = new Provider(issuer, {
  clients: clients.map(({ client_id, client_secret }) => ({
    client_id,
    client_secret,
    grant_types: ['client_credentials'],
    redirect_uris: [],
    response_types: [],
    token_endpoint_auth_method: 'client_secret_basic',
  })),
  scopes: ['tools.call'],
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    introspection: { enabled: false },
    revocation: { enabled: false },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => resources[0],
      useGrantedResource: () => true,
      getResourceServerInfo: (_ctx, requested) => {
        if (!resources.includes(requested)) {
          throw new Provider.errors.InvalidTarget();
        }
        return { scope: 'tools.call', audience: requested, accessTokenTTL: 300, accessTokenFormat: 'jwt' };
      },
    },
  },
  ttl: { ClientCredentials: 300 },
});

// Plain http is acceptable here only because every address is loopback.
provider.listen(port, '127.0.0.1', () => console.log(`gateway issuer listening on ${issuer}`));
