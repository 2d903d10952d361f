// Type-level checks of issue 17's API: compiled with `tsc --noEmit`, never run. Plain objects
// typed by the .d.ts let users test their own code without a server.
import Zavudev, {
  APIPromise,
  type AvailablePhoneNumber,
  type Invitation,
  type PhoneNumber,
  type Requirement,
  type WithResponse,
} from '@zavudev/sdk';

/** A user's function under test, fed a plain object. */
function linkOf(invitation: Invitation): string {
  return invitation.url;
}

export const fixture: Invitation = {
  id: 'inv_1',
  token: 'tok',
  url: 'https://dashboard.zavu.dev/invite/tok',
  status: 'pending',
  createdAt: '2025-01-15T12:00:00Z',
  expiresAt: '2025-01-22T00:00:00Z',
  clientName: 'Acme Corp',
};
export const link: string = linkOf(fixture);

export const number: PhoneNumber = {
  id: 'pn_1',
  phoneNumber: '+14155551234',
  capabilities: ['sms'],
  status: 'active',
  pricing: { monthlyPrice: 2 },
  createdAt: '2025-01-15T12:00:00Z',
};

export async function issue17(zavu: Zavudev) {
  const promise: APIPromise<Invitation> = zavu.invitations.create({ clientName: 'Acme' });
  const { data, response, requestId }: WithResponse<Invitation> = await promise.withResponse();
  const status: number = response.status;
  const raw: Response = await zavu.invitations.retrieve(data.id).asResponse();
  void [status, raw, requestId];

  const derived: Zavudev = zavu.withOptions({ apiKey: 'k', baseURL: 'https://api.zavu.dev', maxRetries: 0 });
  await derived.invitations.create(
    { clientName: 'Acme' },
    { headers: { 'X-A': '1' }, query: { source: 'crm', page: 2 }, body: { clientEmail: 'a@b.co' } },
  );

  const available: AvailablePhoneNumber[] = await zavu.phoneNumbers.searchAvailable({
    countryCode: 'US',
    type: 'local',
    capabilities: 'sms,voice',
    limit: 5,
  });
  const free: boolean | undefined = available[0]?.pricing.isFreeEligible;
  const needs: Requirement[] = await zavu.phoneNumbers.requirements({ phoneNumber: '+14155551234' });
  const bought: PhoneNumber = await zavu.phoneNumbers.purchase({ phoneNumber: '+14155551234' });
  const renamed: PhoneNumber = await zavu.phoneNumbers.update(bought.id, { name: null, senderId: 'snd_1' });
  for await (const owned of zavu.phoneNumbers.list({ status: 'active' })) {
    const id: string = owned.id;
    void id;
  }
  await zavu.phoneNumbers.release(renamed.id);
  void [free, needs];
}
