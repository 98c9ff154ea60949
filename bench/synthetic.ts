// Synthetic data for the benchmarks: clients, assessments, and interviews with realistic answers.
import { randomUUID } from 'node:crypto';
import type { Answer } from '../src-main/core/answers';
import type { Guide } from '../src-main/core/guide';
import type { ResponseSet } from '../src-main/core/response-set';
import type { Db } from '../src-main/db/database';

/** A small deterministic generator, so every run measures the same data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const cities = ['Oslo', 'Bergen', 'Trondheim', 'Stavanger', 'Drammen', 'Tromsø', 'Kristiansand', 'Ålesund'];

/** Inserts `count` assessments spread over count/10 clients, straight through SQL in one transaction. */
export function insertAssessments(db: Db, count: number, guide: Guide): void {
  const now = new Date().toISOString();
  const insertClient = db.prepare(
    'INSERT INTO clients (id, name, city, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  const insertAssessment = db.prepare(
    `INSERT INTO assessments (id, client_id, title, method, consultant, planned_start, guide_id, guide_version, status, created_at, updated_at)
     VALUES (?, ?, ?, 'group', 'Bench Konsulent', ?, ?, ?, ?, ?, ?)`,
  );
  const statuses = ['planned', 'in_progress', 'completed', 'issued'];
  db.transaction(() => {
    const clients: string[] = [];
    for (let c = 0; c < Math.max(1, Math.ceil(count / 10)); c++) {
      const id = randomUUID();
      insertClient.run(id, `Renholdsfirma ${c + 1} AS`, cities[c % cities.length], now, now);
      clients.push(id);
    }
    for (let a = 0; a < count; a++) {
      const day = String(1 + (a % 28)).padStart(2, '0');
      const month = String(1 + (a % 12)).padStart(2, '0');
      insertAssessment.run(
        randomUUID(),
        clients[a % clients.length],
        `Kartlegging ${2020 + (a % 7)} – avdeling ${a % 50}`,
        `${2020 + (a % 7)}-${month}-${day}`,
        guide.id,
        guide.version,
        statuses[a % statuses.length],
        now,
        now,
      );
    }
  })();
}

/** `respondents` individual response sets answering every item, spread over four groups. */
export function syntheticResponseSets(guide: Guide, respondents: number, seed = 1): ResponseSet[] {
  const random = seededRandom(seed);
  const scales = new Map(guide.scales.map((s) => [s.id, s.points.map((p) => p.value)]));
  return Array.from({ length: respondents }, (_, r) => {
    const answers: Record<string, Answer> = {};
    for (const item of guide.items) {
      if (random() < 0.03) continue;
      const values = scales.get(item.scale)!;
      answers[item.id] = { kind: 'consensus', value: values[Math.floor(random() * values.length)], participants: 1 };
    }
    return { id: `r${r}`, group: `Gruppe ${(r % 4) + 1}`, respondents: 1, answers };
  });
}
