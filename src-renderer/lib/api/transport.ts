// The one function a transport provides: send a method call, get the API's result back.
import type { Result } from '../../../src-main/api/contract';

export type Transport = (method: string, input: unknown) => Promise<Result<unknown>>;
