/**
 * Who knows whom: a child knows a person after attending her play groups on enough distinct days (the
 * organisation's setting, 3 by default). Two entries of one host on one day are one contact.
 */

/** A play-group date with the children (contracts) who attended. */
export interface PlayGroupAttendance {
  hostCaregiverId: string;
  on: string;
  contractIds: readonly string[];
}

/** Per contract, per host: the distinct days attended, counting only dates up to `asOf` (inclusive) if given. */
export function contactCounts(
  playGroups: readonly PlayGroupAttendance[],
  asOf?: string,
): Map<string, Map<string, number>> {
  const days = new Map<string, Map<string, Set<string>>>();
  for (const group of playGroups) {
    if (asOf !== undefined && group.on > asOf) continue;
    for (const contractId of group.contractIds) {
      let hosts = days.get(contractId);
      if (!hosts) {
        hosts = new Map();
        days.set(contractId, hosts);
      }
      let dates = hosts.get(group.hostCaregiverId);
      if (!dates) {
        dates = new Set();
        hosts.set(group.hostCaregiverId, dates);
      }
      dates.add(group.on);
    }
  }
  const counts = new Map<string, Map<string, number>>();
  for (const [contractId, hosts] of days) {
    counts.set(contractId, new Map([...hosts].map(([host, dates]) => [host, dates.size])));
  }
  return counts;
}

/** Per contract, the hosts the child knows (at least `visits` contacts), sorted; contracts knowing nobody are left out. */
export function knownPersons(
  playGroups: readonly PlayGroupAttendance[],
  visits: number,
  asOf?: string,
): Map<string, string[]> {
  const known = new Map<string, string[]>();
  for (const [contractId, hosts] of contactCounts(playGroups, asOf)) {
    const persons = [...hosts]
      .filter(([, count]) => count >= visits)
      .map(([host]) => host)
      .sort();
    if (persons.length > 0) known.set(contractId, persons);
  }
  return known;
}
