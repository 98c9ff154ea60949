// Making a file through the API and offering it as a download, with busy and error state for the section.
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../src-main/api/contract';
import { useNotices } from '../../app/notices';
import type { ApiCaller } from '../../lib/api/query-core';
import { useApiAction } from '../../lib/api/use-api';
import { offerDownload } from '../../lib/files';

type ExportedFile = MethodOutput<'surveys.template'>;

export function useFileDownload() {
  const { t } = useTranslation();
  const notify = useNotices((s) => s.show);
  // A file is made from the data; nothing changes, so nothing is reloaded.
  const making = useApiAction((client, make: (client: ApiCaller) => Promise<ExportedFile>) => make(client));

  async function download(make: (client: ApiCaller) => Promise<ExportedFile>) {
    const made = await making.attempt(make);
    if (!made) return;
    offerDownload(made.value);
    notify(t('transfer.downloaded', { fileName: made.value.fileName }));
  }

  return { busy: making.busy, error: making.error, download };
}
