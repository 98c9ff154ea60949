// The client list's search term, kept while the user visits a client and comes back.
import { create } from 'zustand';

interface ClientsState {
  search: string;
  setSearch(search: string): void;
}

export const useClients = create<ClientsState>((set) => ({
  search: '',
  setSearch(search) {
    set({ search });
  },
}));
