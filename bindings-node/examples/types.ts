// Type-level checks of the public API beyond the guide: compiled with `tsc --noEmit`, never run.
import Zavudev, {
  APIUserAbortError,
  ERROR_CODES,
  NotFoundError,
  ZavuError,
  type ErrorCode,
  type Invitation,
  type Page,
  type PhoneNumber,
  type Sender,
  type WebhookConfig,
  type WebhookEvent,
} from '@zavudev/sdk';

export async function everyMethod(zavu: Zavudev, signal: AbortSignal) {
  const options = { timeout: 5_000, maxRetries: 1, signal, idempotencyKey: 'k', headers: { 'X-A': '1' } };
  const created: Invitation = await zavu.invitations.create(
    { clientName: 'Acme', connectionType: 'whatsapp_waba', allowedPhoneCountries: ['US'] },
    options,
  );
  const page: Page<Invitation> = await zavu.invitations.list({ status: 'pending', limit: 10 });
  const items: Invitation[] = page.items;
  const cursor: string | null = page.nextCursor;
  const more: boolean = page.hasNextPage();
  const next: Page<Invitation> | null = await page.getNextPage();
  for await (const inv of zavu.invitations.list()) {
    const id: string = inv.id;
    void id;
  }
  for await (const inv of page) void inv.expiresAt.toUpperCase();
  const got: Invitation = await zavu.invitations.get({ invitationId: created.id });
  const same: Invitation = await zavu.invitations.retrieve(created.id, { signal });
  const cancelled: Invitation = await zavu.invitations.cancel({ invitationId: created.id });
  const done: Invitation = await zavu.invitations.waitForCompletion({
    invitationId: created.id,
    timeout: 60_000,
    pollInterval: 1_000,
  });
  const hook: WebhookConfig = await zavu.invitations.createWebhook({ url: 'https://example.com/h' });
  const secret: string | undefined = hook.secret;
  await zavu.invitations.getWebhook();
  await zavu.invitations.updateWebhook({ active: false });
  const nothing: void = await zavu.invitations.deleteWebhook();
  const number: PhoneNumber = await zavu.phoneNumbers.purchase({ phoneNumber: '+14155551234' });
  const sender: Sender = await zavu.senders.get({ senderId: 'snd_1' });
  for await (const s of zavu.senders.list({ limit: 5 })) void s.phoneNumber;
  const stats: { requests: number; retries: number } = zavu.stats();
  void [items, cursor, more, next, got, same, cancelled, done, secret, nothing, number, sender, stats];
}

export function webhookHandler(zavu: Zavudev, body: string, headers: Record<string, string | string[] | undefined>) {
  const event: WebhookEvent = zavu.webhooks.unwrap(body, headers, 'whsec_x');
  if (event.type === 'invitation.status_changed') {
    const status: string = event.data.currentStatus;
    void status;
  }
  zavu.webhooks.verify(Buffer.from(body), new Headers(), 'whsec_x', { now: new Date() });
  const header: string = zavu.webhooks.sign(body, 'whsec_x', { scheme: 'v2', timestamp: 1 });
  void header;
}

export function errors(error: unknown) {
  if (error instanceof NotFoundError) {
    const status: number | undefined = error.status;
    void status;
  }
  if (error instanceof ZavuError) {
    const code: ErrorCode | (string & {}) = error.code;
    const fields = [error.message, error.param, error.body, error.retryAfter, error.requestId, error.kind];
    void [code, fields];
  }
  const aborted: boolean = error instanceof APIUserAbortError;
  const codes: readonly ErrorCode[] = ERROR_CODES;
  void [aborted, codes];
}

export function construct() {
  return new Zavudev({
    apiKey: 'k',
    baseURL: 'http://127.0.0.1:1',
    timeout: 1_000,
    maxRetries: 0,
    defaultHeaders: { 'X-Team': 'a' },
  });
}
