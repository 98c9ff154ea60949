// Runs CLI commands through the same API registry as the app.
import { openApiRuntime, type ApiRuntime } from '../api/runtime';
import type { MethodInput, MethodName, MethodOutput } from '../api/contract';
import { AppError } from '../core/errors';
import { findAppRoot } from '../paths';

export async function call<M extends MethodName>(runtime: ApiRuntime, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await runtime.call(method, input);
  if (!result.ok) {
    const details = result.error.issues?.map((issue) => `  ${issue.path || '(file)'}: ${issue.message}`).join('\n');
    throw new AppError(result.error.code, details ? `${result.error.message}\n${details}` : result.error.message, result.error.issues);
  }
  return result.value as MethodOutput<M>;
}

export async function withRuntime<T>(dataDir: string, run: (runtime: ApiRuntime) => Promise<T>): Promise<T> {
  const runtime = await openApiRuntime({ dataDir, appRoot: findAppRoot() });
  try {
    return await run(runtime);
  } finally {
    await runtime.close();
  }
}
