import type { Rng } from '../../kernel/index.js';
import type { CorridorParams } from '../params.js';
import type { ActiveContainer } from './journeyPool.js';

/**
 * Food containers at Sost, the ones frost can spoil: each frost day in a store that is not
 * heated, each spoils with the scenario's chance (one draw per container per day, spoiled or not).
 */
export class Perishables {
  private readonly atSost = new Set<ActiveContainer>();

  constructor(
    private readonly heating: CorridorParams['heating'],
    private readonly onLost: () => void,
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
    for (const c of this.atSost) {
      if (c.record.spoiled) continue;
      const u = rng.next();
      if (frost && !storeHeated && u < heating.perishableLossPerFrostDay) {
        c.record.spoiled = true;
        this.onLost();
      }
    }
  }
}
