// The published @zavudev/sdk README examples, with its invitation and phone-number calls (see
// SOURCES.md). Reads ZAVUDEV_API_KEY and ZAVUDEV_BASE_URL from the environment.
import Zavudev from '@zavudev/sdk';

const client = new Zavudev({
  apiKey: process.env['ZAVUDEV_API_KEY'], // This is the default and can be omitted
});

// -- Invitations ----------------------------------------------------------------------------
const res = await client.invitations.create({
  clientName: 'Acme Corp',
  clientEmail: 'contact@acme.com',
  expiresInDays: 7,
});
console.log(res.invitation.url);

const fetched = await client.invitations.retrieve(res.invitation.id);
console.log(fetched.invitation.status);

// Auto-pagination
const allInvitations = [];
// Automatically fetches more pages as needed.
for await (const invitation of client.invitations.list({ limit: 2 })) {
  allInvitations.push(invitation);
}
let page = await client.invitations.list({ limit: 1 });
for (const invitation of page.items) {
  console.log(invitation);
}
// Convenience methods are provided for manually paginating:
while (page.hasNextPage()) {
  page = await page.getNextPage();
}

// Retries and timeouts, per request
await client.invitations.retrieve(res.invitation.id, { maxRetries: 5 });
await client.invitations.retrieve(res.invitation.id, { timeout: 5 * 1000 });

// Accessing raw Response data (e.g., headers)
const response = await client.invitations.create({ clientName: 'Acme Corp' }).asResponse();
console.log(response.headers.get('X-My-Header'));
console.log(response.statusText); // access the underlying Response object

const { data: created, response: raw } = await client.invitations
  .create({ clientName: 'Acme Corp' })
  .withResponse();
console.log(raw.headers.get('X-My-Header'));
console.log(created.invitation.id);

// Undocumented request params
await client.invitations.create(
  { clientName: 'Acme Corp' },
  { headers: { 'X-Trace': 'onboarding' }, query: { source: 'crm' }, body: { clientEmail: 'ops@acme.com' } },
);

const cancelled = await client.invitations.cancel(res.invitation.id);
console.log(cancelled.invitation.status);

// Handling errors
const missing = await client.invitations.retrieve('inv_does_not_exist').catch(async (err) => {
  if (err instanceof Zavudev.APIError) {
    console.log(err.status); // 404
    console.log(err.name); // NotFoundError
    console.log(err.headers); // {server: 'nginx', ...}
  } else {
    throw err;
  }
});

// -- Phone numbers --------------------------------------------------------------------------
const available = await client.phoneNumbers.searchAvailable({ countryCode: 'US', type: 'local', limit: 5 });
const candidate = available.items[0];
const requirements = await client.phoneNumbers.requirements({ phoneNumber: candidate.phoneNumber });
let purchased;
if (requirements.items.length === 0) {
  purchased = await client.phoneNumbers.purchase({
    phoneNumber: candidate.phoneNumber,
    name: 'Client: Acme Corp',
  });
  console.log(purchased.phoneNumber.id);

  const number = await client.phoneNumbers.retrieve(purchased.phoneNumber.id);
  console.log(number.phoneNumber.phoneNumber);

  const updated = await client.phoneNumbers.update(purchased.phoneNumber.id, { name: 'Support line' });
  console.log(updated.phoneNumber.name);

  for await (const owned of client.phoneNumbers.list()) {
    console.log(owned.phoneNumber);
  }

  await client.phoneNumbers.release(purchased.phoneNumber.id);
}

export const RESULT = { invitationUrl: res.invitation.url, released: purchased.phoneNumber.id, missing };
