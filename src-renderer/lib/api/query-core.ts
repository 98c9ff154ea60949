// Screen data without React: loads with a busy state and an error, ignores answers to outdated
// requests, and loads again what a change made out of date. The hooks in use-api.ts wrap it.
import type { MethodInput, MethodName, MethodOutput } from '../../../src-main/api/contract';

/** The typed API client's one method (kept here as a shape, so this module needs no DOM). */
export interface ApiCaller {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
}

/** The part of a method name before the dot: `clients` for `clients.update`. */
export type MethodArea = MethodName extends infer M ? (M extends `${infer Area}.${string}` ? Area : never) : never;

export type Loader<T> = (api: ApiCaller) => Promise<T>;

export interface QueryState<T> {
  /** What the data is for; data and error belong to this key only. Null: nothing to load. */
  key: string | null;
  data: T | undefined;
  error: unknown;
  /** A request for the current key is under way (the first load or a reload). */
  busy: boolean;
}

export interface MutationState {
  busy: boolean;
  error: unknown;
}

const idle = { data: undefined, error: null, busy: false };

function areaOf(method: string): string {
  return method.slice(0, method.indexOf('.'));
}

/** What the client needs of an open query to reload it after a change: a Query, or a feature's
 * store that registers itself. */
export interface OpenQuery {
  reads(matches: (method: MethodName) => boolean): boolean;
  load(): Promise<void>;
}

/** The queries that screens have open, so a change can reload the ones that read what it changed. */
export class QueryClient {
  private readonly open = new Set<OpenQuery>();

  constructor(readonly api: ApiCaller) {}

  query<T>(): Query<T> {
    return new Query<T>(this, this.open);
  }

  /** Lets a feature's store be reloaded by the mutations that change what it read. */
  register(store: OpenQuery): () => void {
    this.open.add(store);
    return () => this.open.delete(store);
  }

  mutation<M extends MethodName>(method: M, invalidates: readonly (MethodName | MethodArea)[] = [areaOf(method) as MethodArea]): Mutation<M> {
    return new Action(this, (api, input: MethodInput<M>) => api.call(method, input), invalidates);
  }

  /** Like a mutation, for a step of several calls (e.g. export and then list what was exported, or a
   * draft per format); it reloads only what `invalidates` names. */
  action<I, O>(perform: Perform<I, O>, invalidates: readonly (MethodName | MethodArea)[] = []): Action<I, O> {
    return new Action(this, perform, invalidates);
  }

  /** Reloads every open query that read one of the methods (or a method of one of the areas). */
  async invalidate(targets: readonly (MethodName | MethodArea)[]): Promise<void> {
    const stale = [...this.open].filter((query) => query.reads((method) => targets.includes(method) || targets.includes(areaOf(method) as MethodArea)));
    await Promise.all(stale.map((query) => query.load()));
  }
}

export class Query<T> implements OpenQuery {
  private state: QueryState<T> = { key: null, ...idle };
  private loader: Loader<T> | null = null;
  /** Counts requests: an answer to any but the latest is stale and dropped. */
  private request = 0;
  private readMethods = new Set<MethodName>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly client: QueryClient,
    private readonly open: Set<OpenQuery>,
  ) {}

  getState = (): QueryState<T> => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Counted among the open queries, so changes reload it; the returned function closes it again. */
  attach(): () => void {
    this.open.add(this);
    return () => {
      this.open.delete(this);
      // Nothing that arrives after closing may land; the next attach loads afresh.
      this.request++;
      this.state = { key: null, ...idle };
      this.readMethods = new Set();
    };
  }

  /** Points the query at what to load. A new key ignores answers still due for the old one and drops
   * its data, unless `keepData` (a list whose search changed keeps its rows until the new ones come). */
  setSource(key: string | null, loader: Loader<T>, keepData = false): Promise<void> {
    this.loader = loader;
    if (key === this.state.key) return Promise.resolve();
    this.request++;
    this.readMethods = new Set();
    this.set({ key, ...idle, data: keepData ? this.state.data : undefined });
    return this.load();
  }

  /** True when the query's loads called a method that `matches`. */
  reads(matches: (method: MethodName) => boolean): boolean {
    return [...this.readMethods].some(matches);
  }

  /** Loads (again) for the current key; the data shown so far stays until the answer comes. */
  load = async (): Promise<void> => {
    const { key } = this.state;
    const loader = this.loader;
    if (key === null || !loader) return;
    const request = ++this.request;
    const tracked: ApiCaller = {
      call: (method, input) => {
        this.readMethods.add(method);
        return this.client.api.call(method, input);
      },
    };
    this.set({ ...this.state, busy: true });
    try {
      const data = await loader(tracked);
      if (request === this.request) this.set({ key, data, error: null, busy: false });
    } catch (error) {
      if (request === this.request) this.set({ ...this.state, error, busy: false });
    }
  };

  /** Takes data a change returned (e.g. the updated record), or patches the data there is; a load
   * still under way is now stale. */
  setData = (update: T | ((current: T) => T)): void => {
    if (this.state.key === null) return;
    const current = this.state.data;
    if (typeof update === 'function' && current === undefined) return;
    this.request++;
    const data = typeof update === 'function' ? (update as (current: T) => T)(current as T) : update;
    this.set({ ...this.state, data, error: null, busy: false });
  };

  private set(state: QueryState<T>) {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

/** What an action does with the API for one input. */
export type Perform<I, O> = (api: ApiCaller, input: I) => Promise<O>;

/** One change (or user-started step) with a busy state and its error: the state belongs to the latest
 * run only, and a run after the screen closed changes no state. */
export class Action<I, O> {
  private state: MutationState = { busy: false, error: null };
  private request = 0;
  private closed = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly client: QueryClient,
    private readonly perform: Perform<I, O>,
    private readonly invalidates: readonly (MethodName | MethodArea)[],
  ) {}

  getState = (): MutationState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** After closing (the screen is gone), results still reach the caller but change no state. */
  attach(): () => void {
    this.closed = false;
    return () => {
      this.closed = true;
      this.request++;
    };
  }

  /** Calls the method, then reloads the open queries it made out of date. Rejects with the API's
   * error (for forms that show it at the fields); the error is in the state as well. */
  run = async (input: I): Promise<O> => {
    const request = ++this.request;
    const current = () => request === this.request && !this.closed;
    this.set({ busy: true, error: null });
    try {
      const output = await this.perform(this.client.api, input);
      await this.client.invalidate(this.invalidates);
      if (current()) this.set({ busy: false, error: null });
      return output;
    } catch (error) {
      if (current()) this.set({ busy: false, error });
      throw error;
    }
  };

  /** Like run, for callers that show the error from the state: resolves null when it failed. */
  attempt = (input: I): Promise<{ value: O } | null> =>
    this.run(input).then(
      (value) => ({ value }),
      () => null,
    );

  /** Forgets the last error (e.g. when its dialog is closed). */
  reset = (): void => {
    if (this.state.error !== null) this.set({ ...this.state, error: null });
  };

  private set(state: MutationState) {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

/** A change by one API method. */
export type Mutation<M extends MethodName> = Action<MethodInput<M>, MethodOutput<M>>;
