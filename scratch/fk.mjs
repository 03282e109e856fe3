import { DuckDBInstance } from '@duckdb/node-api';
const inst = await DuckDBInstance.create(':memory:');
const c = await inst.connect();
for (const fk of [false, true]) {
  await c.run(
    `drop table if exists o; drop table if exists cu; create table cu(id varchar primary key, n varchar); create table o(id varchar primary key, cid varchar ${fk ? 'references cu(id)' : ''}, amt decimal(18,2))`,
  );
  await c.run(`insert into cu select 'C'||i, 'n' from range(100000) t(i)`);
  let t = Date.now();
  await c.run(
    `create temp table s as select 'O'||i as id, 'C'||(i%100000) as cid, (i%1000)::varchar as amt from range(2000000) t(i)`,
  );
  await c.run(
    `begin; insert into o select id, cid, cast(amt as decimal(18,2)) from s where id not in (select id from o); commit`,
  );
  console.log('fk', fk, Date.now() - t);
  try {
    await c.run(`insert into cu values ('C1','x') on conflict (id) do update set n=excluded.n`);
    console.log('upsert ok');
  } catch (e) {
    console.log('upsert fail', e.message);
  }
  await c.run('drop table s');
}
