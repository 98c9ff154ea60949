// The help panel listing the interview's keyboard shortcuts.
import { useTranslation } from 'react-i18next';
import { useInterview } from './interview-store';
import { shortcutList } from './logic/shortcuts';

export function ShortcutHelp() {
  const { t } = useTranslation();
  const toggleHelp = useInterview((s) => s.toggleHelp);
  return (
    <section id="shortcut-help" className="shortcut-help" aria-labelledby="shortcut-help-title">
      <div className="section-header">
        <h2 id="shortcut-help-title">{t('interview.shortcutsTitle')}</h2>
        <button type="button" onClick={toggleHelp}>
          {t('common.close')}
        </button>
      </div>
      <p className="muted">{t('interview.shortcutsIntro')}</p>
      <dl className="shortcut-list">
        {shortcutList.map((shortcut) => (
          <div key={shortcut.message} className="shortcut">
            <dt>
              {shortcut.keys.map((key, i) => (key === '…' ? <span key={i}> … </span> : <kbd key={i}>{key}</kbd>))}
            </dt>
            <dd>{t(`interview.shortcuts.${shortcut.message}`)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
