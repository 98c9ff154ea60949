// Saving a report from the desktop app: only our window, only a plain .docx/.pdf name and base64
// bytes, the system's save dialog decides the path, and "Vis i mappe" takes an id, never a path.
import { describe, expect, it, vi } from 'vitest';
import type { ApiInvokeEvent } from '../../src-main/ipc';
import { checkedFileName, registerSaveFileIpc, type SaveFileShell } from '../../src-main/save-file-ipc';
import { SAVE_FILE_CHANNEL, SHOW_SAVED_FILE_CHANNEL } from '../../src-main/save-file-channels';
import { isTrustedSender, type SenderFrame } from '../../src-main/security';

const ownMainFrame: SenderFrame = { url: 'app://kartlegg/index.html', parent: null, processId: 3, routingId: 1 };
const otherFrame: SenderFrame = { ...ownMainFrame, url: 'https://evil.test/' };
type Handler = (event: ApiInvokeEvent, ...args: unknown[]) => Promise<unknown>;

function setup(dialogResult: { canceled: boolean; filePath?: string } = { canceled: false, filePath: '/home/kari/Rapporter/valgt.pdf' }) {
  const handlers = new Map<string, Handler>();
  const shell = {
    showSaveDialog: vi.fn<SaveFileShell['showSaveDialog']>().mockResolvedValue(dialogResult),
    writeFile: vi.fn<SaveFileShell['writeFile']>().mockResolvedValue(undefined),
    showItemInFolder: vi.fn<SaveFileShell['showItemInFolder']>(),
  };
  registerSaveFileIpc({ handle: (channel, listener) => handlers.set(channel, listener) }, shell, (frame) => isTrustedSender(frame, ownMainFrame), () => '/home/kari/Documents');
  const invoke = (channel: string, frame: SenderFrame | null, ...args: unknown[]) => handlers.get(channel)!({ senderFrame: frame }, ...args);
  return { shell, invoke };
}

const pdfBase64 = Buffer.from('%PDF-1.7 test').toString('base64');

describe('saving a report through the save dialog', () => {
  it('offers the report name in the documents folder, writes the chosen path, and shows it in its folder by id', async () => {
    const { shell, invoke } = setup();
    const result = (await invoke(SAVE_FILE_CHANNEL, ownMainFrame, 'Risikovurdering Bedrift AS 2027-03-20 rev 1.pdf', pdfBase64)) as { ok: boolean; saved: boolean; savedId: string };
    expect(result).toEqual({ ok: true, saved: true, savedId: expect.any(String) });
    expect(shell.showSaveDialog).toHaveBeenCalledWith({
      defaultPath: '/home/kari/Documents/Risikovurdering Bedrift AS 2027-03-20 rev 1.pdf',
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    expect(shell.writeFile).toHaveBeenCalledWith('/home/kari/Rapporter/valgt.pdf', Buffer.from('%PDF-1.7 test'));
    expect(JSON.stringify(result)).not.toContain('/home');

    await expect(invoke(SHOW_SAVED_FILE_CHANNEL, ownMainFrame, result.savedId)).resolves.toEqual({ ok: true });
    expect(shell.showItemInFolder).toHaveBeenCalledWith('/home/kari/Rapporter/valgt.pdf');
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const { shell, invoke } = setup({ canceled: true });
    await expect(invoke(SAVE_FILE_CHANNEL, ownMainFrame, 'Rapport.docx', pdfBase64)).resolves.toEqual({ ok: true, saved: false });
    expect(shell.writeFile).not.toHaveBeenCalled();
  });

  it.each([
    ['a path', '../../.bashrc.pdf'],
    ['a folder in the name', 'sub/Rapport.pdf'],
    ['another kind of file', 'Rapport.exe'],
    ['a hidden file', '.pdf'],
    ['no name', ''],
    ['not text', 42],
  ])('refuses %s as the file name without opening the dialog', async (_what, name) => {
    const { shell, invoke } = setup();
    await expect(invoke(SAVE_FILE_CHANNEL, ownMainFrame, name, pdfBase64)).resolves.toEqual({ ok: false, message: 'The file to save is not valid.' });
    expect(shell.showSaveDialog).not.toHaveBeenCalled();
  });

  it('refuses bytes that are not base64, another sender, and an id it never gave out', async () => {
    const { shell, invoke } = setup();
    await expect(invoke(SAVE_FILE_CHANNEL, ownMainFrame, 'Rapport.pdf', 'not base64!')).resolves.toMatchObject({ ok: false });
    await expect(invoke(SAVE_FILE_CHANNEL, otherFrame, 'Rapport.pdf', pdfBase64)).resolves.toEqual({ ok: false, message: 'The caller is not the Kartlegg window.' });
    await expect(invoke(SHOW_SAVED_FILE_CHANNEL, ownMainFrame, '/etc/passwd')).resolves.toMatchObject({ ok: false });
    await expect(invoke(SHOW_SAVED_FILE_CHANNEL, otherFrame, 'x')).resolves.toMatchObject({ ok: false });
    expect(shell.showSaveDialog).not.toHaveBeenCalled();
    expect(shell.showItemInFolder).not.toHaveBeenCalled();
  });

  it('says why a file could not be written, never throwing across IPC', async () => {
    const { shell, invoke } = setup();
    shell.writeFile.mockRejectedValue(Object.assign(new Error('no space'), { code: 'ENOSPC' }));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(invoke(SAVE_FILE_CHANNEL, ownMainFrame, 'Rapport.pdf', pdfBase64)).resolves.toEqual({ ok: false, message: 'The file could not be written (ENOSPC).' });
  });

  it('accepts plain report names of any script', () => {
    expect(checkedFileName('Risikovurdering Ålesund Vask AS 2027-03-20 rev 2 UTKAST.docx')).toBe('Risikovurdering Ålesund Vask AS 2027-03-20 rev 2 UTKAST.docx');
    expect(checkedFileName('ملخص للموظفين rev 1.PDF')).toBe('ملخص للموظفين rev 1.PDF');
  });
});
