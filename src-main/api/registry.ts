// The one registry of API handlers: every contract method has exactly one, and every call's input
// is checked against its schema before the handler sees it. Handler groups load on their first call,
// so a process that lists clients never loads the report, import or encryption code.
import { AppError, type Result } from '../core/errors';
import { contract, type MethodName, type MethodOutput, type ParsedInput } from './contract';
import type { ApiContext } from './context';
import type { MethodSpec } from './method';
import { toErrorIssues } from '../core/validation-issues';
import type { CallOptions } from './progress';

export type Handler<M extends MethodName> = (
  input: ParsedInput<M>,
  context: ApiContext,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

export type Handlers<Names extends MethodName> = { [M in Names]: Handler<M> };

type AnyHandler = (input: unknown, context: ApiContext) => unknown;

/** A contract group's handlers, named by the group's methods and loaded when one is first called. */
export interface HandlerGroup {
  readonly methods: readonly string[];
  load(): Promise<Record<string, AnyHandler>>;
}

/** Ties a contract method group to the module that handles it; the type makes the loaded handlers
 * answer exactly that group's methods, so renaming a method still breaks the build. */
export function lazyHandlers<Group extends Record<string, MethodSpec>>(
  methods: Group,
  load: () => Promise<Handlers<keyof Group & MethodName>>,
): HandlerGroup {
  return { methods: Object.keys(methods), load: load as () => Promise<Record<string, AnyHandler>> };
}

export interface Registry {
  call(method: unknown, input: unknown, context: ApiContext, options?: CallOptions): Promise<Result<unknown>>;
}

export function createRegistry(...groups: HandlerGroup[]): Registry {
  const groupOf = new Map<string, HandlerGroup>();
  for (const group of groups) {
    for (const name of group.methods) {
      if (groupOf.has(name)) throw new Error(`API handler "${name}" is registered twice`);
      // hasOwn, not `in`: "toString" and friends are on every object's prototype, not in the contract.
      if (!Object.hasOwn(contract, name)) throw new Error(`API handler "${name}" has no method in the contract`);
      groupOf.set(name, group);
    }
  }
  const missing = Object.keys(contract).filter((name) => !groupOf.has(name));
  if (missing.length) throw new Error(`API methods without a handler: ${missing.join(', ')}`);

  const loading = new Map<HandlerGroup, Promise<Record<string, AnyHandler>>>();
  const handlerFor = async (name: string): Promise<AnyHandler> => {
    const group = groupOf.get(name)!;
    let loaded = loading.get(group);
    if (!loaded) {
      loaded = group.load();
      loading.set(group, loaded);
    }
    const handler = (await loaded)[name];
    if (typeof handler !== 'function') throw new Error(`API handler "${name}" is missing from its module`);
    return handler;
  };

  return {
    async call(method, input, sharedContext, options = {}) {
      if (typeof method !== 'string' || !groupOf.has(method)) {
        return { ok: false, error: { code: 'unknown_method', message: `There is no API method "${String(method).slice(0, 100)}".` } };
      }
      // reportInput lets toErrorIssues tell a missing field ("required") from a wrong type.
      const parsed = contract[method as MethodName].input.safeParse(input ?? {}, { reportInput: true });
      if (!parsed.success) {
        return {
          ok: false,
          error: { code: 'invalid_input', message: `The input to ${method} is not valid.`, issues: toErrorIssues(parsed.error) },
        };
      }
      const context = callContext(sharedContext, options);
      try {
        if (options.signal?.aborted) throw new AppError('cancelled', 'Cancelled before anything was written.');
        const handler = await handlerFor(method);
        const value = await handler(parsed.data, context);
        return { ok: true, value };
      } catch (error) {
        if (error instanceof AppError) return { ok: false, error: error.toData() };
        context.log(`API method ${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return {
          ok: false,
          error: { code: 'internal', message: `${method} failed unexpectedly; nothing was saved. ${error instanceof Error ? error.message : ''}`.trim() },
        };
      }
    },
  };
}

/** The runtime's context with this call's progress and cancellation (the db getter stays live). */
function callContext(shared: ApiContext, { onProgress, signal }: CallOptions): ApiContext {
  const context = Object.create(shared) as ApiContext;
  context.progress = (progress) => {
    try {
      onProgress?.(progress);
    } catch {
      // A listener that fails must not fail the call.
    }
  };
  context.checkCancelled = async () => {
    if (signal) await new Promise((resolve) => setImmediate(resolve));
    if (signal?.aborted) throw new AppError('cancelled', 'Cancelled before anything was written.');
  };
  return context;
}
