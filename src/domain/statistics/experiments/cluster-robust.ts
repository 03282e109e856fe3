import { solveSpd } from '../../churn/cholesky.js';
import { CompensatedSum } from '../../clv/compensated-sum.js';
import type { EffectEstimate } from './effect-estimate.js';
import { studentInference } from './inference.js';
import { mean, variance } from './moments.js';

export interface ClusterRobustInput {
  readonly y: ArrayLike<number>;
  /** 1 for treatment, 0 for control. */
  readonly treated: ArrayLike<number>;
  /** Integer cluster ids (rep, district…): rows of one cluster share their errors. */
  readonly cluster: ArrayLike<number>;
  /** A pre-period covariate (CUPED by regression); centred before it enters the model. */
  readonly covariate?: ArrayLike<number>;
}

export type ClusterRobustEstimate = EffectEstimate & {
  /** Distinct clusters with rows in each arm (a cluster spanning both arms counts in both). */
  readonly clusters: { readonly control: number; readonly treatment: number };
};

/**
 * OLS of y on [1, treated, covariate − mean(covariate)] with the CR1 cluster-robust variance of the `treated`
 * coefficient (Liang & Zeger 1986; Cameron & Miller 2015): V = c·(X'X)⁻¹ (Σ_g X_g'e_g e_g'X_g) (X'X)⁻¹ with Stata's
 * small-sample factor c = G/(G−1)·(N−1)/(N−K), and a t distribution with G − 1 degrees of freedom. Only the
 * treated row a = (X'X)⁻¹e₁ of the bread is needed: Var(β₁) = c·Σ_g (Σ_{i∈g} (a·xᵢ) eᵢ)².
 * A constant covariate carries no information and is left out (K = 2).
 */
export function clusterRobustDifference(input: ClusterRobustInput, confidence = 0.95): ClusterRobustEstimate {
  const { y, treated, cluster } = input;
  const n = y.length;
  if (treated.length !== n || cluster.length !== n || (input.covariate && input.covariate.length !== n))
    throw new RangeError('y, treated, cluster and covariate must have one value per row');

  const clusterIndex = new Map<number, number>();
  const armClusters: [Set<number>, Set<number>] = [new Set(), new Set()];
  const armRows: [number, number] = [0, 0];
  const armSums: [CompensatedSum, CompensatedSum] = [new CompensatedSum(), new CompensatedSum()];
  const group = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const arm = treated[i];
    if (arm !== 0 && arm !== 1) throw new RangeError(`treated must be 0 or 1, row ${i} has ${arm}`);
    const id = cluster[i] as number;
    let g = clusterIndex.get(id);
    if (g === undefined) clusterIndex.set(id, (g = clusterIndex.size));
    group[i] = g;
    armClusters[arm].add(id);
    armRows[arm]++;
    armSums[arm].add(y[i] as number);
  }
  const clustersControl = armClusters[0].size;
  const clustersTreatment = armClusters[1].size;
  if (clustersControl < 2 || clustersTreatment < 2)
    throw new RangeError(
      `cluster-robust inference needs at least 2 clusters per arm (control ${clustersControl}, treatment ${clustersTreatment})`,
    );

  const covariate = input.covariate && variance(input.covariate) > 0 ? input.covariate : undefined;
  const covariateMean = covariate ? mean(covariate) : 0;
  const k = covariate ? 3 : 2;
  const row = (i: number, x: Float64Array): void => {
    x[0] = 1;
    x[1] = treated[i] as number;
    if (covariate) x[2] = (covariate[i] as number) - covariateMean;
  };

  const x = new Float64Array(k);
  const xtx = Array.from({ length: k * k }, () => new CompensatedSum());
  const xty = Array.from({ length: k }, () => new CompensatedSum());
  for (let i = 0; i < n; i++) {
    row(i, x);
    for (let r = 0; r < k; r++) {
      xty[r]?.add((x[r] as number) * (y[i] as number));
      for (let c = 0; c < k; c++) xtx[r * k + c]?.add((x[r] as number) * (x[c] as number));
    }
  }
  const gram = Float64Array.from(xtx, (s) => s.value);
  const beta = solveSpd(
    gram,
    Float64Array.from(xty, (s) => s.value),
  );
  const unitTreated = new Float64Array(k);
  unitTreated[1] = 1;
  const bread = solveSpd(gram, unitTreated);

  const scores = new Float64Array(clusterIndex.size);
  for (let i = 0; i < n; i++) {
    row(i, x);
    let fitted = 0;
    let leverage = 0;
    for (let r = 0; r < k; r++) {
      fitted += (beta[r] as number) * (x[r] as number);
      leverage += (bread[r] as number) * (x[r] as number);
    }
    const g = group[i] as number;
    scores[g] = (scores[g] as number) + leverage * ((y[i] as number) - fitted);
  }
  const meat = new CompensatedSum();
  for (const s of scores) meat.add(s * s);

  const clusters = clusterIndex.size;
  const smallSample = (clusters / (clusters - 1)) * ((n - 1) / (n - k));
  const standardError = Math.sqrt(smallSample * meat.value);
  const estimate = beta[1] as number;
  const df = clusters - 1;
  const [nControl, nTreatment] = armRows;
  return {
    estimate,
    standardError,
    df,
    ...studentInference(estimate, standardError, df, confidence),
    n: { control: nControl, treatment: nTreatment },
    means: {
      control: armSums[0].value / nControl,
      treatment: armSums[1].value / nTreatment,
    },
    clusters: { control: clustersControl, treatment: clustersTreatment },
  };
}
