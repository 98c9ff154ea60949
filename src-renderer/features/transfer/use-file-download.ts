// Making a file through the API and offering it as a download, with busy and error state for the section.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../src-main/api/contract';
import { useNotices } from '../../app/notices';
import { offerDownload } from '../../lib/files';

type ExportedFile = MethodOutput<'surveys.template'>;

export function useFileDownload() {
  const { t } = useTranslation();
  const notify = useNotices((s) => s.show);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function download(make: () => Promise<ExportedFile>) {
    setError(null);
    setBusy(true);
    try {
      const file = await make();
      offerDownload(file);
      notify(t('transfer.downloaded', { fileName: file.fileName }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, setError, download };
}
