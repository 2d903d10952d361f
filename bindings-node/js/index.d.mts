// Types of the ESM entry (index.mjs): the same declarations as index.d.ts, with the client class
// as the default export (index.mjs exports the class itself, not the CommonJS module object).
import * as sdk from './index.js';

export * from './index.js';
export default sdk.Zavudev;
