// The one way a screen gets and changes data: useApiQuery / useApiLoad to read, useApiMutation to
// change. Busy state, the error in the user's language, stale answers dropped, reloads after changes.
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput, MethodName, MethodOutput } from '../../../src-main/api/contract';
import { errorText } from '../errors';
import { api } from './client';
import { QueryClient, type Loader, type MethodArea } from './query-core';

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

export interface MutationResult<M extends MethodName> {
  /** Calls the method and reloads the open queries it changed; rejects with the API's error
   * (EditForm and ConfirmActionDialog show it), which is also in `error`. */
  run(input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** Like run, for screens that show `errorMessage`: resolves null when it failed. */
  attempt(input: MethodInput<M>): Promise<{ value: MethodOutput<M> } | null>;
  busy: boolean;
  error: unknown;
  errorMessage: string | null;
  /** Forgets the error, e.g. when the dialog that showed it closes. */
  reset(): void;
}

export interface MutationOptions {
  /** The methods (or areas, like 'findings') whose open queries load again after a success;
   * by default the method's own area ('clients' for 'clients.update'). */
  invalidates?: readonly (MethodName | MethodArea)[];
}

export function useApiMutation<M extends MethodName>(method: M, options: MutationOptions = {}): MutationResult<M> {
  const { t } = useTranslation();
  const [mutation] = useState(() => queryClient.mutation(method, options.invalidates));
  useEffect(() => mutation.attach(), [mutation]);
  const state = useSyncExternalStore(mutation.subscribe, mutation.getState);
  return {
    run: mutation.run,
    attempt: mutation.attempt,
    busy: state.busy,
    error: state.error,
    errorMessage: state.error ? errorText(t, state.error) : null,
    reset: mutation.reset,
  };
}
