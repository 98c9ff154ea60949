// The client list as the screens see it: search term, loading state, results.
import { create } from 'zustand';
import type { ClientSummary } from '../../../src-main/core/clients';
import { api } from '../../lib/api/client';

interface ClientsState {
  search: string;
  status: 'loading' | 'ready' | 'error';
  clients: ClientSummary[];
  error: unknown;
  setSearch(search: string): void;
  load(): Promise<void>;
}

let latestRequest = 0;

export const useClients = create<ClientsState>((set, get) => ({
  search: '',
  status: 'loading',
  clients: [],
  error: null,
  setSearch(search) {
    set({ search });
    void get().load();
  },
  async load() {
    const request = ++latestRequest;
    set({ status: get().clients.length ? 'ready' : 'loading', error: null });
    try {
      const clients = await api.call('clients.list', { search: get().search });
      // A slower earlier search must not overwrite a newer one.
      if (request === latestRequest) set({ clients, status: 'ready' });
    } catch (error) {
      if (request === latestRequest) set({ status: 'error', error });
    }
  },
}));
