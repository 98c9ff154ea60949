// The consultant's profile in the settings (name, title, firm): it fills the consultant of new assessments.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { consultantProfileLimits, defaultSettings, type ConsultantProfile } from '../../../src-main/core/settings';
import { useNotices } from '../../app/notices';
import { EditForm } from '../../components/EditForm';
import { Field } from '../../components/Field';
import { useSettings } from './settings-store';

const profileFields: (keyof ConsultantProfile)[] = ['name', 'title', 'firm'];
const autoComplete: Record<keyof ConsultantProfile, string> = { name: 'name', title: 'organization-title', firm: 'organization' };

export function ConsultantProfileSettings() {
  const { t } = useTranslation();
  const notify = useNotices((s) => s.show);
  const { settings, update } = useSettings();
  const [profile, setProfile] = useState<ConsultantProfile>(settings?.consultantProfile ?? defaultSettings.consultantProfile);

  return (
    <section aria-labelledby="consultant-profile-title">
      <h2 id="consultant-profile-title">{t('profile.heading')}</h2>
      <p className="field-hint">{t('profile.hint')}</p>
      <EditForm
        submitLabel={t('profile.save')}
        onSubmit={async () => {
          await update({ consultantProfile: profile });
          notify(t('profile.saved'));
        }}
      >
        {(errors) => (
          <div className="field-row">
            {profileFields.map((field) => (
              <Field
                key={field}
                label={t(`profile.${field}`)}
                error={errors[`consultantProfile.${field}`]}
                limit={{ length: profile[field].length, max: consultantProfileLimits[field] }}
              >
                {(props) => (
                  <input
                    {...props}
                    value={profile[field]}
                    autoComplete={autoComplete[field]}
                    onChange={(event) => setProfile((current) => ({ ...current, [field]: event.target.value }))}
                  />
                )}
              </Field>
            ))}
          </div>
        )}
      </EditForm>
    </section>
  );
}
