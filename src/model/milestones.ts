/**
 * The milestones of a container's journey, in order, shaped after the WCO Time Release
 * Study (arrival → lodgement → acceptance → checks → payment → release → exit), with the
 * Chinese export side and the crossing in front. A milestone is the simulated time at which
 * the container's journey machine first enters the stage that follows it.
 */
export const MILESTONES = [
  'gateInKashgar',
  'exportCleared',
  'arrivedTashkurgan',
  'exitCleared',
  'departedForPass',
  'arrivedSost',
  'gdLodged',
  'assessed',
  'checksDone',
  'readyForPayment',
  'dutyPaid',
  'released',
  'gatedOut',
] as const;

export type Milestone = (typeof MILESTONES)[number];

export const MILESTONE_INDEX: Readonly<Record<Milestone, number>> = Object.fromEntries(
  MILESTONES.map((m, i) => [m, i]),
) as Record<Milestone, number>;

export const MILESTONE_LABELS: Readonly<Record<Milestone, string>> = {
  gateInKashgar: 'gate-in at Kashgar',
  exportCleared: 'export cleared at Kashgar',
  arrivedTashkurgan: 'arrived at Tashkurgan',
  exitCleared: 'exit cleared at Tashkurgan',
  departedForPass: 'departed over the pass',
  arrivedSost: 'arrived at Sost',
  gdLodged: 'GD lodged in WeBOC',
  assessed: 'GD assessed',
  checksDone: 'checks done',
  readyForPayment: 'permits done',
  dutyPaid: 'duty paid',
  released: 'customs release',
  gatedOut: 'gate-out at Sost',
};

/** The TRS intervals the report breaks time into: [name, from, to]. */
export const INTERVALS: ReadonlyArray<readonly [string, Milestone, Milestone]> = [
  ['Kashgar export clearance', 'gateInKashgar', 'exportCleared'],
  ['travel to Tashkurgan', 'exportCleared', 'arrivedTashkurgan'],
  ['Tashkurgan exit clearance', 'arrivedTashkurgan', 'exitCleared'],
  ['waiting for the pass', 'exitCleared', 'departedForPass'],
  ['crossing to Sost', 'departedForPass', 'arrivedSost'],
  ['GD lodgement', 'arrivedSost', 'gdLodged'],
  ['assessment', 'gdLodged', 'assessed'],
  ['checks and holds', 'assessed', 'checksDone'],
  ['other-agency permits', 'checksDone', 'readyForPayment'],
  ['duty payment', 'readyForPayment', 'dutyPaid'],
  ['customs release', 'dutyPaid', 'released'],
  ['gate-out', 'released', 'gatedOut'],
];
