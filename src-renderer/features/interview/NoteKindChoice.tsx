// Choosing whether a text is the consultant's note or an anonymised quote.
import { useTranslation } from 'react-i18next';
import type { FactorNoteKind } from '../../../src-main/core/assessments';

export function NoteKindChoice({ name, value, onChange }: { name: string; value: FactorNoteKind; onChange(kind: FactorNoteKind): void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="note-kind">
      <legend>{t('interview.noteKind')}</legend>
      {(['note', 'quote'] as const).map((kind) => (
        <label key={kind} className="choice">
          <input type="radio" name={name} value={kind} checked={value === kind} onChange={() => onChange(kind)} />
          <span>{t(`interview.kinds.${kind}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}
