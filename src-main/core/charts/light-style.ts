// How a traffic light looks in a chart: a fill that differs in pattern as well as colour, and a shape of its own.
import type { TrafficLight } from '../traffic-light';
import type { ChartPaint, ChartPath, ChartPattern } from './drawing';
import { ink } from './svg';

export const trafficLights: readonly TrafficLight[] = ['green', 'yellow', 'red'];

/** Green is solid, yellow diagonally hatched, red cross-hatched: three different looks in black and
 * white print and for readers who cannot tell red from green. */
const lightColours: Record<TrafficLight, { base: string; lines: string }> = {
  green: { base: '#1e7b3a', lines: '#1e7b3a' },
  yellow: { base: '#f2c94c', lines: '#5c4400' },
  red: { base: '#e06666', lines: '#4a0d0a' },
};

/** The pale bands behind the bars that show where each light begins. */
export const zoneTints: Record<TrafficLight, string> = { green: '#e4f1e7', yellow: '#fbf3d5', red: '#f8dfdd' };

const patternNames = { yellow: 'light-yellow', red: 'light-red' } as const;

/** The patterns the lights' fills refer to; put them in the drawing's patterns. */
export function lightPatterns(): ChartPattern[] {
  const yellow = lightColours.yellow;
  const red = lightColours.red;
  return [
    {
      name: patternNames.yellow,
      size: 6,
      rotate: 45,
      background: yellow.base,
      marks: [{ kind: 'line', x1: 0, y1: 0, x2: 0, y2: 6, stroke: { colour: yellow.lines, width: 2 } }],
    },
    { name: patternNames.red, size: 6, background: red.base, marks: [{ kind: 'path', d: 'M0 0L6 6M6 0L0 6', stroke: { colour: red.lines, width: 1.3 } }] },
  ];
}

export function lightFill(light: TrafficLight): ChartPaint {
  return light === 'green' ? lightColours.green.base : { pattern: patternNames[light] };
}

/** The path of the light's shape in a box of the given size at 0,0: circle, triangle, square, the
 * same shapes the screens show beside the light's name. */
export function lightShapePath(light: TrafficLight, size: number): string {
  const r = size / 2;
  switch (light) {
    case 'green':
      return `M0 ${r}A${r} ${r} 0 1 0 ${size} ${r}A${r} ${r} 0 1 0 0 ${r}Z`;
    case 'yellow':
      return `M${r} 0L${size} ${size}L0 ${size}Z`;
    case 'red':
      return `M0 0H${size}V${size}H0Z`;
  }
}

/** The shape at x, y (top left), filled like the light's bars and outlined. */
export function lightMarker(light: TrafficLight, x: number, y: number, size: number): ChartPath {
  return { kind: 'path', d: lightShapePath(light, size), at: { x, y }, fill: lightFill(light), stroke: { colour: ink, width: 1 } };
}
