// CommonJS consumers: `import ... from` compiles to `require('@zavudev/sdk')` here.
import Zavudev, { ZavuError, NotFoundError } from '@zavudev/sdk';

export function open(apiKey: string): Zavudev {
  return new Zavudev({ apiKey });
}

export function isZavuError(error: unknown): boolean {
  return error instanceof ZavuError || error instanceof NotFoundError;
}
