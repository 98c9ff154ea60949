// Chromium's Element Timing attribute (https://wicg.github.io/element-timing/): the page records when
// the element's text was first painted, which the UI benchmark reads. React passes it through as is.
import 'react';

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- a merged interface repeats React's type parameter
  interface HTMLAttributes<T> {
    elementtiming?: string;
  }
}
