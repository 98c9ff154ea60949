// The one way a screen gets and changes data: useApiQuery / useApiLoad to read, useApiMutation to
// change. Busy state, the error in the user's language, stale answers dropped, reloads after changes.
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput, MethodName, MethodOutput } from '../../../src-main/api/contract';
import { errorText } from '../errors';
import { api } from './client';
import { QueryClient, type Action, type Loader, type MethodArea, type Perform } from './query-core';

/** The app's one query client; a feature's store may register with it (see risk-store.ts). */
export const queryClient = new QueryClient(api);

export interface QueryResult<T> {
  /** The data for the current key; undefined until it has loaded (never another key's data). */
  data: T | undefined;
  /** No data yet and no error: show the loading state. */
  loading: boolean;
  /** A request is under way, also a reload with the old data still shown. */
  busy: boolean;
  error: unknown;
  /** The error in the user's language, as errorText gives it; null without error. */
  errorMessage: string | null;
  /** Loads again (after a change this screen made outside useApiMutation, or "try again"). */
  reload(): Promise<void>;
  /** Shows data a change returned (e.g. the updated record), or patches the data shown, without loading again. */
  setData(update: T | ((current: T) => T)): void;
}

export interface QueryOptions {
  /** Keep showing the last data while a new key loads (a list whose search or filters changed). */
  keepPrevious?: boolean;
}

/** Loads what `loader` returns for `key` (any JSON value naming what is loaded, e.g. the ids; null
 * loads nothing). A new key drops the old data, and an answer to an older key never lands. */
export function useApiLoad<T>(key: unknown, loader: Loader<T>, { keepPrevious = false }: QueryOptions = {}): QueryResult<T> {
  const { t } = useTranslation();
  const [query] = useState(() => queryClient.query<T>());
  const latestLoader = useRef(loader);
  const keyText = key === null ? null : JSON.stringify(key);

  useEffect(() => {
    latestLoader.current = loader;
  });
  useEffect(() => query.attach(), [query]);
  useEffect(() => {
    void query.setSource(keyText, (client) => latestLoader.current(client), keepPrevious);
  }, [query, keyText, keepPrevious]);

  const state = useSyncExternalStore(query.subscribe, query.getState);
  const current = state.key === keyText;
  const data = current || keepPrevious ? state.data : undefined;
  const error = current ? state.error : null;
  return {
    data,
    loading: keyText !== null && data === undefined && !error,
    busy: current ? state.busy : keyText !== null,
    error,
    errorMessage: error ? errorText(t, error) : null,
    reload: query.load,
    setData: query.setData,
  };
}

/** Calls one API method with `input` (null: not yet, e.g. while an id is unknown). */
export function useApiQuery<M extends MethodName>(method: M, input: MethodInput<M> | null, options?: QueryOptions): QueryResult<MethodOutput<M>> {
  return useApiLoad(input === null ? null : [method, input], (client) => client.call(method, input as MethodInput<M>), options);
}

export interface ActionResult<I, O> {
  /** Runs it and reloads the open queries it changed; rejects with the API's error
   * (EditForm and ConfirmActionDialog show it), which is also in `error`. */
  run(input: I): Promise<O>;
  /** Like run, for screens that show `errorMessage` (or their own text for `error`): resolves null when it failed. */
  attempt(input: I): Promise<{ value: O } | null>;
  /** From the start of a run until it and its reloads are done; only the latest run counts. */
  busy: boolean;
  error: unknown;
  errorMessage: string | null;
  /** Forgets the error, e.g. when the dialog that showed it closes. */
  reset(): void;
}

export type MutationResult<M extends MethodName> = ActionResult<MethodInput<M>, MethodOutput<M>>;

export interface MutationOptions {
  /** The methods (or areas, like 'findings') whose open queries load again after a success;
   * by default the method's own area ('clients' for 'clients.update'). */
  invalidates?: readonly (MethodName | MethodArea)[];
}

function useAction<I, O>(create: () => Action<I, O>): ActionResult<I, O> {
  const { t } = useTranslation();
  const [action] = useState(create);
  useEffect(() => action.attach(), [action]);
  const state = useSyncExternalStore(action.subscribe, action.getState);
  return {
    run: action.run,
    attempt: action.attempt,
    busy: state.busy,
    error: state.error,
    errorMessage: state.error ? errorText(t, state.error) : null,
    reset: action.reset,
  };
}

export function useApiMutation<M extends MethodName>(method: M, options: MutationOptions = {}): MutationResult<M> {
  return useAction(() => queryClient.mutation(method, options.invalidates));
}

/** A step of several calls started by the user (export and then list, a draft per format, preview and
 * then its guide) with one busy state and one error. It reloads nothing unless `invalidates` names it. */
export function useApiAction<I, O>(perform: Perform<I, O>, options: MutationOptions = {}): ActionResult<I, O> {
  const latest = useRef(perform);
  useEffect(() => {
    latest.current = perform;
  });
  return useAction(() => queryClient.action<I, O>((client, input) => latest.current(client, input), options.invalidates));
}
