// The renderer's entry, kept small on purpose: it sends the start-up requests (app/early-start.ts)
// as soon as it has loaded, then asks for the rest of the app's code (React, the texts, the shell:
// app/start.tsx) and, for a deep link, the linked screen's; the API answers while that code loads.
import { loadLinkedScreen } from './app/early-start';

void import('./app/start');
loadLinkedScreen();
