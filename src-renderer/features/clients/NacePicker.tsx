// The industry code field: type a code or words, pick from the list, see the code's name.
import { useTranslation } from 'react-i18next';
import { findNaceCode, naceCodes } from '../../../src-main/core/nace';

interface NacePickerProps {
  id: string;
  value: string;
  onChange(value: string): void;
  describedBy?: string;
  invalid?: boolean;
}

export function NacePicker({ id, value, onChange, describedBy, invalid }: NacePickerProps) {
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'nb';
  const chosen = findNaceCode(value.trim());
  const listId = `${id}-codes`;
  return (
    <>
      <input
        id={id}
        list={listId}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy}
        aria-invalid={invalid}
        autoComplete="off"
        inputMode="decimal"
      />
      <datalist id={listId}>
        {naceCodes.map((code) => (
          <option key={code.code} value={code.code}>
            {`${code.code} ${code[language]}`}
          </option>
        ))}
      </datalist>
      {chosen ? <div className="nace-name">{chosen[language]}</div> : null}
    </>
  );
}
