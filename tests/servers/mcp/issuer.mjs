// A minimal OAuth 2.0 authorization server for the hardened MCP test server: oidc-provider issuing JWT access tokens
// (RFC 9068, typ at+jwt) by client_credentials for exactly one resource (RFC 8707), so the MCP server can validate
// them locally. Listens on 127.0.0.1 only. Settings come from the environment the test passes:
//   PORT, RESOURCE (the MCP server URL), CLIENT_ID, CLIENT_SECRET, SCOPE (default mcp:tools).
import { createServer } from "node:http";
import { generateKeyPairSync } from "node:crypto";
import Provider, { errors } from "oidc-provider";

const port = Number(process.env.PORT);
const resource = process.env.RESOURCE;
const scope = process.env.SCOPE ?? "mcp:tools";
if (!port || !resource || !process.env.CLIENT_ID || !process.env.CLIENT_SECRET) {
  console.error("PORT, RESOURCE, CLIENT_ID and CLIENT_SECRET are required");
  process.exit(2);
}

// A fresh signing key per start: tokens from an earlier run must not validate.
const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
const signingKey = { ...privateKey.export({ format: "jwk" }), kid: "issuer-key", use: "sig", alg: "ES256" };

const issuer = `http://127.0.0.1:${port}`;
const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.CLIENT_ID,
      client_secret: process.env.CLIENT_SECRET,
      grant_types: ["client_credentials"],
      redirect_uris: [],
      response_types: [],
      token_endpoint_auth_method: "client_secret_basic",
      id_token_signed_response_alg: "ES256",
    },
  ],
  jwks: { keys: [signingKey] },
  scopes: [scope],
  ttl: { ClientCredentials: 300 },
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => resource,
      useGrantedResource: () => true,
      getResourceServerInfo: (_ctx, indicator) => {
        if (indicator !== resource) {
          throw new errors.InvalidTarget();
        }
        return { scope, audience: resource, accessTokenFormat: "jwt", accessTokenTTL: 300, jwt: { sign: { alg: "ES256" } } };
      },
    },
  },
});

createServer(provider.callback()).listen(port, "127.0.0.1", () => {
  console.log(`issuer ${issuer} for resource ${resource}`);
});
