// A risk level as its name with a symbol, so it never rests on colour alone.
import { useTranslation } from 'react-i18next';
import type { RiskLevel } from '../../../src-main/core/risk-matrix';

const symbols: Record<RiskLevel, string> = { low: '○', medium: '◆', high: '▲' };

export function LevelLabel({ level }: { level: RiskLevel | null }) {
  const { t } = useTranslation();
  if (!level) return <span className="risk-level risk-level-none">{t('risk.notRated')}</span>;
  return (
    <span className={`risk-level risk-level-${level}`}>
      <span aria-hidden="true">{symbols[level]} </span>
      {t(`risk.level.${level}`)}
    </span>
  );
}
