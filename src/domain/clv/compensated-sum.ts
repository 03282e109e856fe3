/**
 * Neumaier's compensated summation: the error stays at a few roundings however many terms are added, where a plain
 * sum of a million log-likelihood terms drifts by ~10⁻¹² relative — enough noise to stall the optimiser's line search
 * on ungrouped data.
 */
export class CompensatedSum {
  private sum = 0;
  private compensation = 0;

  add(value: number): void {
    const t = this.sum + value;
    this.compensation += Math.abs(this.sum) >= Math.abs(value) ? this.sum - t + value : value - t + this.sum;
    this.sum = t;
  }

  get value(): number {
    return this.sum + this.compensation;
  }
}
