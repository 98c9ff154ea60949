// The IPC channel names for saving a file, with no imports: the sandboxed preload can load nothing of Node.
export const SAVE_FILE_CHANNEL = 'kartlegg:save-file';
export const SHOW_SAVED_FILE_CHANNEL = 'kartlegg:show-saved-file';
