import type { ScenarioReport } from '../../run/index.js';

/** "2025-12-10 08:00 PKT pass closed for 5 days; …": a scenario's scheduled what-ifs in one line. */
export function whatIfLine(whatIfs: NonNullable<ScenarioReport['whatIfs']>): string {
  return `${whatIfs.map((w) => `${w.at} PKT ${w.what}`).join('; ')} (in every replication)`;
}
