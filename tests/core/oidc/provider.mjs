// A real OpenID provider for the staff single sign-on tests (tests/core/test_sso.py).
//
// oidc-provider from the npm registry (pinned in package.json), on 127.0.0.1 at a port the
// system picks, with one fixed client and a few synthetic test accounts. There is no
// password page: the test "signs in" at the interaction step by posting which account
// it is and whether it passed a second factor (mfa=yes), and the provider records that
// as the session's amr and acr, as an identity provider such as Entra ID would.
//
// Usage: node provider.mjs REDIRECT_URI
// Prints one JSON line {"issuer": ...} once it listens; stops when stdin closes.
import http from 'node:http';
import { generateKeyPairSync } from 'node:crypto';

import Provider from 'oidc-provider';

const CLIENT_ID = 'opensend-test';
const CLIENT_SECRET = 'test-only-client-secret-not-a-real-one';
const ACR_MFA = 'urn:opensend:test:mfa';
const ACR_PASSWORD = 'urn:opensend:test:password';

// Synthetic accounts: the tests create OpenSEND users with some of these emails.
const ACCOUNTS = {
  'alex': { email: 'alex.sso@council.example', email_verified: true },
  'alex-unverified': { email: 'alex.sso@council.example', email_verified: false },
  'stranger': { email: 'stranger.sso@council.example', email_verified: true },
  'parent': { email: 'pat.sso@family.example', email_verified: true },
};

const redirectUri = process.argv[2];
if (!redirectUri) {
  console.error('usage: node provider.mjs REDIRECT_URI');
  process.exit(2);
}

const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey
  .export({ format: 'jwk' });

function configuration() {
  return {
    clients: [{
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      redirect_uris: [redirectUri],
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_post',
      id_token_signed_response_alg: 'RS256',
    }],
    jwks: { keys: [{ ...signingKey, kid: 'test-signing-key', alg: 'RS256', use: 'sig' }] },
    // Like Entra ID and most identity providers, every ID token says how the user signed in.
    claims: { openid: ['sub', 'acr', 'amr'], email: ['email', 'email_verified'] },
    acrValues: [ACR_MFA, ACR_PASSWORD],
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(ctx, sub) {
      const account = ACCOUNTS[sub];
      if (!account) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...account }) };
    },
    // The test client is first-party: consent to "openid email" is given without asking.
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId
        || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      if (!ctx.oidc.session.accountId) return undefined;
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope('openid email');
      await grant.save();
      return grant;
    },
  };
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

async function interaction(provider, req, res) {
  const details = await provider.interactionDetails(req, res);
  if (req.method === 'GET') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(`Test provider: POST account=<${Object.keys(ACCOUNTS).join('|')}>&mfa=yes|no `
      + `to sign in (prompt: ${details.prompt.name}).\n`);
    return;
  }
  const form = await readForm(req);
  const accountId = form.get('account');
  if (!ACCOUNTS[accountId]) {
    res.writeHead(400, { 'content-type': 'text/plain' });
    res.end('unknown test account\n');
    return;
  }
  const mfa = form.get('mfa') === 'yes';
  const login = {
    accountId,
    amr: mfa ? ['pwd', 'mfa'] : ['pwd'],
    acr: mfa ? ACR_MFA : ACR_PASSWORD,
  };
  await provider.interactionFinished(req, res, { login }, { mergeWithLastSubmission: false });
}

const server = http.createServer();
server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, configuration());
  const callback = provider.callback();
  server.on('request', (req, res) => {
    if (req.url.startsWith('/interaction/')) {
      interaction(provider, req, res).catch((error) => {
        res.writeHead(400, { 'content-type': 'text/plain' });
        res.end(`${error.name}: ${error.message}\n`);
      });
    } else {
      callback(req, res);
    }
  });
  process.stdout.write(`${JSON.stringify({ issuer, acr_mfa: ACR_MFA })}\n`);
});
// The test holds our stdin: when it ends (the test run is over, or it died), so do we.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
