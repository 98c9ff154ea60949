// A pause between sync batches for the kill-midway tests only: KARTLEGG_TEST_SYNC_PAUSE="<point>:<batch>:<file>"
// (point: push, pull or server, the last between the server's commit and the local one) makes the run
// write <file> when it gets there and then wait until the test kills the process.
import { writeFileSync } from 'node:fs';

type PausePoint = 'push' | 'pull' | 'server';

function pauseSpec(): { point: PausePoint; batch: number; file: string } | null {
  const spec = process.env.KARTLEGG_TEST_SYNC_PAUSE;
  const match = spec ? /^(push|pull|server):(\d+):(.+)$/.exec(spec) : null;
  return match ? { point: match[1] as PausePoint, batch: Number(match[2]), file: match[3] } : null;
}

export async function testPause(point: PausePoint, batch: number): Promise<void> {
  const spec = pauseSpec();
  if (!spec || spec.point !== point || spec.batch !== batch) return;
  writeFileSync(spec.file, `${point} ${batch}\n`);
  await new Promise<never>(() => setInterval(() => {}, 60_000));
}
