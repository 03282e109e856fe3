/** `npm run bench`: every benchmark, each printing its own figures beside a baseline measured in the same run. */
const benches: Array<[string, () => Promise<{ run: () => Promise<void> }>]> = [
  ['import', () => import('./import.js')],
  ['tiering', () => import('./tiering.js')],
  ['features', () => import('./features.js')],
  ['allocation', () => import('./allocation.js')],
  ['clv', () => import('./clv.js')],
  ['churn', () => import('./churn.js')],
  ['recommend', () => import('./recommend.js')],
];

const only = process.argv[2];
for (const [name, load] of benches) {
  if (only && only !== name) continue;
  process.stdout.write(`\n== ${name}\n`);
  await (await load()).run();
}
