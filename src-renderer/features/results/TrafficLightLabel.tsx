// A traffic light as its name plus its shape (circle, triangle, square), the same shapes the charts use: never colour alone.
import { useTranslation } from 'react-i18next';
import { lightShapePath } from '../../../src-main/core/charts';
import type { TrafficLight } from '../../../src-main/core/traffic-light';

export function TrafficLightLabel({ light }: { light: TrafficLight }) {
  const { t } = useTranslation();
  return (
    <span className={`light light-${light}`}>
      <svg className="light-shape" width="14" height="14" viewBox="-1 -1 14 14" aria-hidden="true" focusable="false">
        <path d={lightShapePath(light, 12)} />
      </svg>
      {t(`results.lights.${light}`)}
    </span>
  );
}
