// A worker thread of test/safety.test.mjs: loads the addon in its own thread, makes its own
// client and calls the sandbox. Posts plain data back (errors do not cross threads as classes).
import { parentPort, workerData } from 'node:worker_threads';

import Zavudev from '@zavudev/sdk';

const { baseURL, apiKey, name, calls, invitationId } = workerData;
const zavu = new Zavudev({ apiKey, baseURL });

if (invitationId) {
  // A call left in flight: the parent terminates this worker before the answer arrives.
  const pending = zavu.invitations.get(invitationId);
  parentPort.postMessage({ started: true });
  await pending;
  parentPort.postMessage({ finished: true });
} else {
  const created = await Promise.all(
    Array.from({ length: calls }, (_, i) => zavu.invitations.create({ clientName: `${name} #${i}` })),
  );
  const fetched = await Promise.all(created.map((inv) => zavu.invitations.get({ invitationId: inv.id })));
  const panic = await zavu.invitations.get('__zavu_test_panic__').then(
    () => null,
    (e) => ({ name: e.constructor.name, code: e.code }),
  );
  parentPort.postMessage({ ids: created.map((i) => i.id), names: fetched.map((i) => i.clientName), panic });
}
