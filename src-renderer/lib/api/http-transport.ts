// Transport in browser mode: POST /api/<method> with the per-run token from the address; a call that
// follows its progress reads it as NDJSON lines (see docs/runtime.md).
import type { CallProgress, Result } from '../../../src-main/api/contract';
import { cancelledResult, type Transport, type TransportOptions } from './transport';

const tokenKey = 'kartlegg.token';

/** Takes the token from "#token=…" once, keeps it for this tab, and clears it from the address bar.
 * The rest of the fragment (a deep link such as "&screen=results&…") stays for the navigation.
 * Keeping and clearing wait until the code running now is done (`afterwards`, a microtask): the
 * start-up calls (app/early-start.ts) then go out before the tab's storage is first opened, which
 * takes several milliseconds on a busy machine. */
export function takeToken(
  location: Location,
  storage: () => Storage,
  history: History,
  afterwards: (task: () => void) => void = queueMicrotask,
): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (match) {
    afterwards(() => {
      storage().setItem(tokenKey, match[1]);
      const rest = location.hash.replace(/^#/, '').split('&').filter((part) => part && !part.startsWith('token=')).join('&');
      history.replaceState(null, '', location.pathname + location.search + (rest ? `#${rest}` : ''));
    });
    return match[1];
  }
  return storage().getItem(tokenKey);
}

export function createHttpTransport(token: string | null): Transport {
  return async (method, input, options = {}) => {
    const streamed = options.onProgress !== undefined || options.signal !== undefined;
    let response: Response;
    try {
      response = await fetch(`/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${token ?? ''}`,
          // The server then sends progress lines before the result; hanging up cancels the call.
          ...(streamed ? { Accept: 'application/x-ndjson' } : {}),
        },
        body: JSON.stringify(input ?? {}),
        signal: options.signal,
      });
    } catch {
      if (options.signal?.aborted) return cancelledResult;
      return { ok: false, error: { code: 'internal', message: 'The Kartlegg server does not answer. Is "kartlegg serve" still running?' } };
    }
    if (streamed && response.ok && response.body && /ndjson/.test(response.headers.get('Content-Type') ?? '')) {
      try {
        return await readProgressLines(response.body, options);
      } catch {
        if (options.signal?.aborted) return cancelledResult;
        return { ok: false, error: { code: 'internal', message: 'The connection to the Kartlegg server broke off before the result came.' } };
      }
    }
    try {
      return (await response.json()) as Result<unknown>;
    } catch {
      return { ok: false, error: { code: 'internal', message: `The server answered ${response.status} without a result.` } };
    }
  };
}

/** Reads `{"progress":…}` lines until the `{"result":…}` line. */
async function readProgressLines(body: ReadableStream<Uint8Array>, options: TransportOptions): Promise<Result<unknown>> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error('no result line');
    buffered += decoder.decode(value, { stream: true });
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = JSON.parse(buffered.slice(0, newline)) as { progress?: CallProgress; result?: Result<unknown> };
      buffered = buffered.slice(newline + 1);
      if (line.result) return line.result;
      if (line.progress) options.onProgress?.(line.progress);
    }
  }
}
