// Calls the running server's API directly, with the token from the address it printed: to set up
// data quickly, and to check what was really stored.
import type { MethodInput, MethodName, MethodOutput, Result } from '../../src-main/api/contract';
import type { Guide } from '../../src-main/core/guide';
import type { RunningServer } from './server';

export async function callApi<M extends MethodName>(server: RunningServer, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const token = /#token=([A-Za-z0-9_-]+)/.exec(server.url)?.[1];
  if (!token) throw new Error(`No token in ${server.url}`);
  const response = await fetch(`${server.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as Result<MethodOutput<M>>;
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** A new client with one group assessment on the guide, made through the API: where most tests' data starts. */
export async function seedAssessment(server: RunningServer, clientName: string, title: string, guide: Guide): Promise<MethodOutput<'assessments.create'>> {
  const client = await callApi(server, 'clients.create', { name: clientName });
  return callApi(server, 'assessments.create', { clientId: client.id, title, method: 'group', guideId: guide.id, guideVersion: guide.version });
}
