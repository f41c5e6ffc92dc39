import type { Rng } from '../../kernel/index.js';
import type { CorridorParams } from '../params.js';
import type { ActiveContainer } from './journeyPool.js';

/**
 * Food containers at Sost, the ones frost can spoil: each frost day in a store that is not
 * heated, each spoils with the scenario's chance (one draw per container per day, spoiled or not),
 * and leaves the clearance for disposal.
 */
export class Perishables {
  private readonly atSost = new Set<ActiveContainer>();

  constructor(
    private readonly heating: CorridorParams['heating'],
    /** A container spoiled today: it leaves the clearance for disposal. */
    private readonly onSpoiled: (container: ActiveContainer) => void,
  ) {}

  arrivedAtSost(container: ActiveContainer): void {
    if (container.record.cargo === 'food') this.atSost.add(container);
  }

  left(container: ActiveContainer): void {
    this.atSost.delete(container);
  }

  checkFrost(sostTempC: number, storeHeated: boolean, rng: Rng): void {
    const { heating } = this;
    const frost = sostTempC < heating.perishableFrostC;
    const spoiled: ActiveContainer[] = [];
    for (const c of this.atSost) {
      if (c.record.spoiled) continue;
      const u = rng.next();
      if (frost && !storeHeated && u < heating.perishableLossPerFrostDay) {
        c.record.spoiled = true;
        spoiled.push(c);
      }
    }
    for (const c of spoiled) {
      this.atSost.delete(c);
      this.onSpoiled(c);
    }
  }
}
