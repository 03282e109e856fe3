import { bgnbd, mbgnbd } from './bgnbd.js';
import { ClvInputError } from './errors.js';
import type { TransactionModelKind } from './models.js';
import { paretoNbd } from './pareto-nbd.js';
import type { TransactionModel } from './transaction-model.js';

const TRANSACTION_MODELS: Record<TransactionModelKind, TransactionModel> = {
  bgnbd,
  pareto_nbd: paretoNbd,
  mbgnbd,
};

/** The model of that kind; ClvInputError for an unknown kind (it may come from user input). */
export function transactionModel(kind: TransactionModelKind): TransactionModel {
  const model = Object.hasOwn(TRANSACTION_MODELS, kind) ? TRANSACTION_MODELS[kind] : undefined;
  if (!model)
    throw new ClvInputError(
      `unknown transaction model ${JSON.stringify(kind)}; expected one of ${Object.keys(TRANSACTION_MODELS).join(', ')}`,
    );
  return model;
}
