// The counter under a text with a length limit, and what to do when it is over: a text is never cut
// off silently. Where space is tight (the interview's notes) it shows only near the limit.
import { useTranslation } from 'react-i18next';

interface LengthLimitProps {
  id: string;
  length: number;
  max: number;
  /** Show nothing until the text is this share of the limit (the notes panel is short of room). */
  showFrom?: number;
  /** Say what is too long here too (a field without Field's own error line). */
  withMessage?: boolean;
}

export function LengthLimit({ id, length, max, showFrom = 0, withMessage = false }: LengthLimitProps) {
  const { t } = useTranslation();
  const over = length > max ? length - max : 0;
  if (!over && length < max * showFrom) return null;
  return (
    <>
      <div className={over ? 'field-counter field-counter-over' : 'field-counter'} id={id}>
        {t('lengthLimit.counter', { length, max })}
      </div>
      {over && withMessage ? (
        <div className="field-error" role="alert">
          {t('lengthLimit.tooLong', { max, over })}
        </div>
      ) : null}
    </>
  );
}

/** Whether a text is over its limit, for the buttons that would save it. */
export const isOverLimit = (text: string, max: number) => text.length > max;
