// The TypeScript examples of the guide "Onboarding Clients via API"
// (docs/onboarding-clients-via-api.md), as written. The first example is top-level
// code, as in the guide; the others are wrapped in functions so their `const`s do not collide,
// and `main()` at the end runs them in order. Only two things differ from the guide's text,
// marked "guide:" below: the sample invitation id 'jh7am5bng9p3v2x1k4r8' is replaced by the id
// of an invitation that exists, so the examples can run against a real (sandbox) API; and the
// helpers the guide leaves to the reader (createCustomer, sendEmail, app, ...) are defined here.
//
// Run against the sandbox: ZAVUDEV_API_KEY=... ZAVUDEV_BASE_URL=http://127.0.0.1:PORT node dist/guide.js
import Zavudev from '@zavudev/sdk';

// ## Creating an Invitation / Basic Invitation

const zavu = new Zavudev({
  apiKey: process.env["ZAVUDEV_API_KEY"],
});

const invitation = await zavu.invitations.create({
  clientName: 'Acme Corp',
  clientEmail: 'contact@acme.com',
  expiresInDays: 7,
});

console.log('Invitation URL:', invitation.url);
console.log('Token:', invitation.token);
console.log('Expires:', invitation.expiresAt);

// ## With Pre-assigned Phone Number

async function withPreassignedPhoneNumber() {
  // First, purchase a phone number
  const phoneNumber = await zavu.phoneNumbers.purchase({
    phoneNumber: '+14155551234',
    name: 'Client: Acme Corp',
  });

  // Then create the invitation with the phone number
  const invitation = await zavu.invitations.create({
    clientName: 'Acme Corp',
    clientEmail: 'contact@acme.com',
    phoneNumberId: phoneNumber.id,
    expiresInDays: 14,
  });

  console.log('Invitation URL:', invitation.url);
}

// ## Listing Invitations

async function listingInvitations() {
  // List all invitations
  const { items } = await zavu.invitations.list({});

  // Filter by status
  const pending = await zavu.invitations.list({
    status: 'pending',
  });

  for (const inv of pending.items) {
    console.log(inv.clientName, inv.status, inv.url);
  }
  return items;
}

// ## Getting Invitation Details

async function gettingInvitationDetails(invitationId: string) {
  const invitation = await zavu.invitations.get({
    invitationId: invitationId, // guide: 'jh7am5bng9p3v2x1k4r8'
  });

  console.log('Status:', invitation.status);
  console.log('Client:', invitation.clientName);

  if (invitation.status === 'completed') {
    console.log('Sender ID:', invitation.senderId);
  }
}

// ## Cancelling an Invitation

async function cancellingAnInvitation(invitationId: string) {
  await zavu.invitations.cancel({
    invitationId: invitationId, // guide: 'jh7am5bng9p3v2x1k4r8'
  });
}

// ## Integration Examples / SaaS Onboarding Flow
// guide: Customer, createCustomer, sendEmail and saveInvitationId are the reader's own.

interface Customer {
  id: string;
  companyName: string;
  email: string;
}
const sentEmails: { to: string; subject: string; body: string }[] = [];
const invitationIdsByCustomer = new Map<string, string>();
async function createCustomer(customer: Customer) {
  console.log('Created customer', customer.id);
}
async function sendEmail(email: { to: string; subject: string; body: string }) {
  sentEmails.push(email);
  console.log('Sent email to', email.to, '-', email.subject);
}
async function saveInvitationId(customerId: string, invitationId: string) {
  invitationIdsByCustomer.set(customerId, invitationId);
}

async function onboardNewCustomer(customer: Customer) {
  // 1. Create the customer in your system
  await createCustomer(customer);

  // 2. Create a Zavu invitation
  const invitation = await zavu.invitations.create({
    clientName: customer.companyName,
    clientEmail: customer.email,
    expiresInDays: 14,
  });

  // 3. Send onboarding email with the invitation link
  await sendEmail({
    to: customer.email,
    subject: 'Connect Your WhatsApp Business',
    body: `
      Welcome to our platform!

      To enable WhatsApp messaging, please complete the setup:
      ${invitation.url}

      This link expires in 14 days.
    `,
  });

  // 4. Store the invitation ID for tracking
  await saveInvitationId(customer.id, invitation.id);
}

// ## Polling for Completion

async function checkInvitationStatus(invitationId: string) {
  const invitation = await zavu.invitations.get({ invitationId });

  switch (invitation.status) {
    case 'completed':
      console.log('Client connected! Sender ID:', invitation.senderId);
      // Start sending messages through this sender
      break;
    case 'pending':
    case 'in_progress':
      console.log('Still waiting for client to complete setup');
      break;
    case 'expired':
      console.log('Invitation expired, creating new one...');
      // Create a new invitation
      break;
    case 'cancelled':
      console.log('Invitation was cancelled');
      break;
  }

  return invitation;
}

// ## Webhook Integration
// guide: `app` is the reader's web framework (Express-like); a minimal stand-in records routes.

type Request = { body: any };
type Response = { status(code: number): { send(body: string): void } };
type Handler = (req: Request, res: Response) => Promise<void>;
const routes = new Map<string, Handler>();
const app = {
  post(path: string, handler: Handler) {
    routes.set(path, handler);
  },
};
async function updateCustomerWhatsAppStatus(phoneNumber: string, status: string) {
  console.log('Customer with', phoneNumber, 'is now', status);
}

// In your webhook handler
app.post('/webhooks/zavu', async (req, res) => {
  const event = req.body;

  if (event.type === 'sender.created') {
    // A new sender was created (possibly from an invitation)
    const sender = event.data;
    console.log('New sender:', sender.id, sender.phoneNumber);

    // Update your system
    await updateCustomerWhatsAppStatus(sender.phoneNumber, 'connected');
  }

  res.status(200).send('OK');
});

// ## Error Handling

async function errorHandling() {
  try {
    const invitation = await zavu.invitations.create({
      clientName: 'Acme Corp',
      phoneNumberId: 'pn_invalid',
    });
  } catch (error) {
    if (error.code === 'not_found') {
      console.error('Phone number not found');
    } else if (error.code === 'invalid_request') {
      console.error('Invalid request:', error.message);
    } else {
      console.error('Unexpected error:', error);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Runs every example in the guide's order.

async function main() {
  await withPreassignedPhoneNumber();
  await listingInvitations();
  await gettingInvitationDetails(invitation.id);
  await onboardNewCustomer({ id: 'cus_1', companyName: 'Globex', email: 'ops@globex.example' });
  await checkInvitationStatus(invitation.id);
  await cancellingAnInvitation(invitation.id);
  await checkInvitationStatus(invitation.id);

  // A signed `sender.created` delivery, verified with the SDK, reaches the guide's handler.
  const secret = 'whsec_guide_example';
  const payload = JSON.stringify({
    id: 'evt_1',
    type: 'sender.created',
    timestamp: Date.now(),
    data: { id: 'snd_1', name: 'Acme Corp', phoneNumber: '+14155551234' },
  });
  const headers = { 'x-zavu-signature': zavu.webhooks.sign(payload, secret) };
  const event = zavu.webhooks.unwrap(payload, headers, secret);
  await routes.get('/webhooks/zavu')!({ body: event }, {
    status: (code) => ({ send: (body) => console.log('Webhook answered', code, body) }),
  });

  await errorHandling();
}

await main();
