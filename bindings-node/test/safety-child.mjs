// The child process of test/safety.test.mjs's secrets test: runs with ZAVUDEV_LOG set, makes
// calls that log (successes, a 401, a validation error, a webhook refusal, a forced panic) and
// prints every error and client the way users would. The parent checks that no key or webhook
// secret shows up anywhere in what this process printed.
import { writeFileSync } from 'node:fs';
import { inspect } from 'node:util';

import Zavudev from '@zavudev/sdk';

const [baseURL, apiKey, wrongKey, secret, secretFile] = process.argv.slice(2);

const show = async (label, call) => {
  try {
    await call();
    console.log(label, 'no error');
  } catch (e) {
    console.log(label, e.constructor.name, e.code, String(e), inspect(e, { showHidden: true, depth: 10 }), e.stack);
  }
};

const zavu = new Zavudev({ apiKey, baseURL });
console.log('client:', inspect(zavu, { showHidden: true, depth: 10 }), JSON.stringify(zavu));
const created = await zavu.invitations.create({ clientName: 'Logged', clientEmail: 'a@example.com' });
console.log('created:', inspect(created), 'got:', inspect(await zavu.invitations.get(created.id)));
const config = await zavu.invitations.createWebhook({ url: 'https://example.com/hooks/zavu' });
writeFileSync(secretFile, config.secret ?? '');

await show('validation:', () => zavu.invitations.create({ clientEmail: 'not an email' }));
await show('unauthorized:', () => new Zavudev({ apiKey: wrongKey, baseURL, maxRetries: 0 }).invitations.list());
await show('panic:', () => zavu.invitations.get('__zavu_test_panic__'));
const body = JSON.stringify({ id: 'evt_1', type: 'invitation.status_changed', timestamp: 1, data: {} });
const now = Math.floor(Date.now() / 1000);
for (const s of [secret, config.secret]) {
  const header = zavu.webhooks.sign(body, s, { timestamp: now });
  await show('webhook tampered:', () => zavu.webhooks.verify(`${body} `, header, s));
  await show('webhook stale:', () => zavu.webhooks.unwrap(body, zavu.webhooks.sign(body, s, { timestamp: now - 999 }), s));
  await show('webhook wrong secret:', () => zavu.webhooks.unwrap(body, header, `${s}x`));
}
console.log('done');
