import { PGlite } from '@electric-sql/pglite';
let t=Date.now(); const a = await PGlite.create(); console.log('first', Date.now()-t);
t=Date.now(); const b = await PGlite.create(); console.log('second', Date.now()-t);
const dump = await b.dumpDataDir('none'); console.log('dump size', dump.size);
t=Date.now(); const c = await PGlite.create({loadDataDir: dump}); console.log('from dump', Date.now()-t);
t=Date.now(); const r = await c.query("select 1::int8 as a, 1.5::numeric as n, now() as d"); console.log(r.rows, Date.now()-t);
