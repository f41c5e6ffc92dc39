/** Share and mean time release of groups of containers (a channel, a cargo type, an hour of arrival), pooled over replications. */
export interface GroupStats {
  readonly share: number;
  readonly meanHours: number;
}

/** A group's containers in one replication and the sum of their time release, hours. */
export interface GroupCount {
  readonly count: number;
  readonly hours: number;
}

/**
 * Groups in position: `perRep[r][i]` is group i of replication r. Each group's share is its
 * containers over all the containers of all the groups, and its mean the hours over its
 * containers, both pooled over the replications (container-weighted).
 */
export function pooledGroupList(perRep: ReadonlyArray<readonly GroupCount[]>): GroupStats[] {
  const groups = perRep[0]?.length ?? 0;
  const total = perRep.reduce((s, r) => s + r.reduce((a, g) => a + g.count, 0), 0);
  return Array.from({ length: groups }, (_, i) => {
    const count = perRep.reduce((s, r) => s + r[i].count, 0);
    const hours = perRep.reduce((s, r) => s + r[i].hours, 0);
    return { share: total > 0 ? count / total : 0, meanHours: count > 0 ? hours / count : 0 };
  });
}

/** The same for groups by name, in the order of `keys`. */
export function pooledGroups<K extends string>(keys: readonly K[], perRep: ReadonlyArray<Readonly<Record<K, GroupCount>>>): Record<K, GroupStats> {
  const stats = pooledGroupList(perRep.map((r) => keys.map((k) => r[k])));
  return Object.fromEntries(keys.map((k, i) => [k, stats[i] ?? { share: 0, meanHours: 0 }])) as Record<K, GroupStats>;
}
