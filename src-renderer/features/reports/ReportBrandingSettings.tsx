// The consultancy's look on its reports, in the settings: name, brand colour and an optional logo.
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checkLogo, defaultBrandColour, maxLogoDataUrlLength } from '../../../src-main/core/logo';
import { useNotices } from '../../app/notices';
import { EditForm } from '../../components/EditForm';
import { Field } from '../../components/Field';
import { useSettings } from '../settings/settings-store';

function readDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export function ReportBrandingSettings() {
  const { t } = useTranslation();
  const notify = useNotices((s) => s.show);
  const { settings, update } = useSettings();
  const [name, setName] = useState(settings?.consultancyName ?? '');
  const [colour, setColour] = useState(settings?.brandColour ?? defaultBrandColour);
  const [logo, setLogo] = useState<string | null>(settings?.logo ?? null);
  const [logoError, setLogoError] = useState<string | null>(null);

  async function chooseLogo(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setLogoError(null);
    if (!file) return;
    const dataUrl = file.size * 1.4 > maxLogoDataUrlLength ? '' : await readDataUrl(file);
    const checked = dataUrl ? checkLogo(dataUrl) : { ok: false as const, key: 'logoTooLarge', message: '' };
    if (!checked.ok) {
      setLogoError(t(`errors.${checked.key}`, { defaultValue: checked.message }));
      return;
    }
    setLogo(dataUrl);
  }

  return (
    <section aria-labelledby="report-branding-title">
      <h2 id="report-branding-title">{t('reports.branding.title')}</h2>
      <p className="field-hint">{t('reports.branding.hint')}</p>
      <EditForm
        submitLabel={t('reports.branding.save')}
        onSubmit={async () => {
          await update({ consultancyName: name, brandColour: colour, logo });
          notify(t('reports.branding.saved'));
        }}
      >
        {(errors) => (
          <>
            <Field label={t('reports.branding.name')} error={errors.consultancyName} limit={{ length: name.length, max: 200 }}>
              {(props) => <input {...props} value={name} onChange={(event) => setName(event.target.value)} />}
            </Field>
            <Field label={t('reports.branding.colour')} hint={t('reports.branding.colourHint')} error={errors.brandColour}>
              {(props) => <input {...props} type="color" value={colour} onChange={(event) => setColour(event.target.value)} />}
            </Field>
            <Field label={t('reports.branding.logo')} hint={t('reports.branding.logoHint')} error={logoError ?? errors.logo}>
              {(props) => <input {...props} type="file" accept="image/png,image/svg+xml" onChange={(event) => void chooseLogo(event)} />}
            </Field>
            {logo ? (
              <div className="button-row">
                <img className="report-logo" src={logo} alt={t('reports.branding.logoPreview')} height={48} />
                <button type="button" onClick={() => setLogo(null)}>
                  {t('reports.branding.removeLogo')}
                </button>
              </div>
            ) : null}
          </>
        )}
      </EditForm>
    </section>
  );
}
