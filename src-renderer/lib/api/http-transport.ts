// Transport in browser mode: POST /api/<method> with the per-run token from the address.
import type { Result } from '../../../src-main/api/contract';
import type { Transport } from './transport';

const tokenKey = 'kartlegg.token';

/** Takes the token from "#token=…" once, keeps it for this tab, and clears it from the address bar.
 * The rest of the fragment (a deep link such as "&screen=results&…") stays for the navigation. */
export function takeToken(location: Location, storage: Storage, history: History): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (match) {
    storage.setItem(tokenKey, match[1]);
    const rest = location.hash.replace(/^#/, '').split('&').filter((part) => part && !part.startsWith('token=')).join('&');
    history.replaceState(null, '', location.pathname + location.search + (rest ? `#${rest}` : ''));
    return match[1];
  }
  return storage.getItem(tokenKey);
}

export function createHttpTransport(token: string | null): Transport {
  return async (method, input) => {
    let response: Response;
    try {
      response = await fetch(`/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}` },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return { ok: false, error: { code: 'internal', message: 'The Kartlegg server does not answer. Is "kartlegg serve" still running?' } };
    }
    try {
      return (await response.json()) as Result<unknown>;
    } catch {
      return { ok: false, error: { code: 'internal', message: `The server answered ${response.status} without a result.` } };
    }
  };
}
