// Short confirmations ("saved", "deleted") announced to screen readers and shown for a moment.
import { create } from 'zustand';

interface NoticeState {
  message: string | null;
  show(message: string): void;
  clear(): void;
}

let timer: ReturnType<typeof setTimeout> | undefined;

export const useNotices = create<NoticeState>((set) => ({
  message: null,
  show(message) {
    clearTimeout(timer);
    set({ message });
    timer = setTimeout(() => set({ message: null }), 5000);
  },
  clear() {
    clearTimeout(timer);
    set({ message: null });
  },
}));
