// tests/openapi/check.js: docs/openapi.json checked three ways.
//   node check.js OPENAPI.json ROUTES.txt [SAMPLES.json]
// 1. A real OpenAPI 3 validator (@apidevtools/swagger-parser) validates
//    the document and dereferences it.
// 2. The route table (`breachkit test-routes`) and the document agree
//    both ways: every /api/v1 route is described, every described
//    operation exists; path parameters are declared; every state change
//    declares the CSRF header and every operation the 401/403 it can get
//    (public ones excepted).
// 3. Live responses (SAMPLES: [{method, pattern, status, ctype, body}])
//    validate against the schema the document gives for that status.
// Prints one line per problem and "openapi: N checks, M problems".
'use strict';
const fs = require('fs');
const SwaggerParser = require('@apidevtools/swagger-parser');
const Ajv = require('ajv');

const [docPath, routesPath, samplesPath] = process.argv.slice(2);
const problems = [];
let checks = 0;
const check = (ok, msg) => { checks++; if (!ok) problems.push(msg); };
const norm = (p) => p.replace(/\{[^}]*\}/g, '{}');

async function main() {
  const raw = JSON.parse(fs.readFileSync(docPath, 'utf8'));
  await SwaggerParser.validate(JSON.parse(JSON.stringify(raw)));
  checks++;
  const doc = await SwaggerParser.dereference(JSON.parse(JSON.stringify(raw)));

  const routes = fs.readFileSync(routesPath, 'utf8').trim().split('\n')
    .map((l) => l.split(' '))
    .filter(([, pat]) => pat.startsWith('/api/v1'))
    .map(([m, pat, perm, flags]) => ({ m: m.toLowerCase(), pat, perm, flags: flags.split(',') }));
  const docOps = [];
  for (const [p, item] of Object.entries(doc.paths)) {
    for (const m of Object.keys(item)) {
      if (['get', 'post', 'put', 'patch', 'delete'].includes(m)) docOps.push({ m, p, op: item[m] });
    }
  }
  check(routes.length > 0, 'no /api/v1 routes in the table');
  for (const r of routes) {
    const d = docOps.find((o) => o.m === r.m && norm(o.p) === norm(r.pat));
    check(d !== undefined, `${r.m.toUpperCase()} ${r.pat}: in the route table, not in the document`);
    if (!d) continue;
    check(d.p === r.pat, `${r.m.toUpperCase()} ${r.pat}: the document calls it ${d.p}`);
    const params = (d.op.parameters || []).concat(doc.paths[d.p].parameters || []);
    for (const name of (r.pat.match(/\{[^}]*\}/g) || []).map((x) => x.slice(1, -1))) {
      check(params.some((x) => x.in === 'path' && x.name === name && x.required),
        `${r.m.toUpperCase()} ${r.pat}: path parameter ${name} not declared`);
    }
    if (r.flags.includes('csrf') && r.perm !== 'public') {
      check(params.some((x) => x.in === 'header' && x.name === 'X-CSRF-Token'),
        `${r.m.toUpperCase()} ${r.pat}: a state change without the X-CSRF-Token parameter`);
    }
    if (r.perm !== 'public') {
      for (const code of ['401', '403']) {
        check(code in d.op.responses, `${r.m.toUpperCase()} ${r.pat}: no ${code} response`);
      }
    }
    if (r.flags.includes('json')) {
      check(d.op.requestBody && d.op.requestBody.content['application/json'],
        `${r.m.toUpperCase()} ${r.pat}: takes JSON, no JSON request body described`);
      for (const code of ['400', '413', '415']) {
        check(code in d.op.responses, `${r.m.toUpperCase()} ${r.pat}: takes a body, no ${code} response`);
      }
    }
    check(Object.keys(d.op.responses).some((c) => c.startsWith('2')),
      `${r.m.toUpperCase()} ${r.pat}: no success response`);
  }
  for (const o of docOps) {
    check(routes.some((r) => r.m === o.m && norm(r.pat) === norm(o.p)),
      `${o.m.toUpperCase()} ${o.p}: in the document, not in the route table`);
  }

  if (samplesPath) {
    const ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
    ajv.addFormat('binary', () => true);
    const samples = JSON.parse(fs.readFileSync(samplesPath, 'utf8'));
    check(samples.length > 0, 'no live samples');
    for (const s of samples) {
      const item = doc.paths[s.pattern];
      const op = item && item[s.method.toLowerCase()];
      const label = `live ${s.method} ${s.pattern} ${s.status}`;
      check(op !== undefined, `${label}: not in the document`);
      if (!op) continue;
      const resp = op.responses[String(s.status)];
      check(resp !== undefined, `${label}: status not described`);
      if (!resp || !resp.content) continue;
      const media = Object.keys(resp.content).find((c) => s.ctype.startsWith(c));
      check(media !== undefined, `${label}: Content-Type ${s.ctype} not described`);
      if (!media || media !== 'application/json') continue;
      const validate = ajv.compile(resp.content[media].schema);
      const ok = validate(JSON.parse(s.body));
      check(ok, `${label}: body does not match its schema: ${ajv.errorsText(validate.errors)}`);
    }
  }
  for (const p of problems) console.log('problem: ' + p);
  console.log(`openapi: ${checks} checks, ${problems.length} problems`);
  process.exit(problems.length ? 1 : 0);
}
main().catch((e) => { console.log('problem: ' + e.message); console.log('openapi: invalid document'); process.exit(1); });
