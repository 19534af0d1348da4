// The services' AsyncAPI documents, as their EventCatalogIntegrationTests wrote them (<service>/target/asyncapi/):
//
//   node asyncapi.mjs        (deploy/checks/run runs it after check.mjs)
//
// 1. Each document parses with the AsyncAPI initiative's own parser (@asyncapi/parser) without an error: a document
//    that no longer parses fails the build.
// 2. Each golden event sample (<service>/src/test/resources/contracts/<Type>.json, the wire format every producer's
//    contract test holds its events to) validates against the payload schema its producer's document publishes for
//    that type (ajv, JSON Schema draft-07, the AsyncAPI schema format's base); every sample has such a schema.
// A missing document (the services' integration tests did not run in this build) is a notice, or a failure when
// CLOUDSHOP_REQUIRE_TOOLS=true, as in CI.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser } from '@asyncapi/parser';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const services = ['user-service', 'product-service', 'order-service', 'payment-service'];
const strict = process.env.CLOUDSHOP_REQUIRE_TOOLS === 'true';
const failures = [];
const fail = (where, what) => failures.push(`${where}: ${what}`);
const parser = new Parser();
let samples = 0;

for (const service of services) {
  const file = join(root, service, 'target', 'asyncapi', `${service}.json`);
  if (!existsSync(file)) {
    const what = `no ${file}: run ${service}'s integration tests (EventCatalogIntegrationTests) first`;
    if (strict) fail(service, what);
    else console.error(`asyncapi checks: SKIPPED ${service}: ${what}`);
    continue;
  }
  const text = readFileSync(file, 'utf8');
  const { document, diagnostics } = await parser.parse(text);
  for (const d of diagnostics.filter((d) => d.severity === 0)) {
    fail(`${service} AsyncAPI`, `${d.message} at ${d.path.join('.')}`);
  }
  if (!document) continue;

  // The payload schema of every message this service sends, by the message's title (the event's type).
  const sent = new Map();
  for (const operation of document.operations().all()) {
    if (!operation.isSend()) continue;
    for (const message of operation.messages().all()) {
      // Springwolf writes a payload as {schemaFormat, schema}; the schema is inside.
      const payload = message.payload()?.json();
      sent.set(message.title(), payload?.schema ?? payload);
    }
  }
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // Java's integer widths, as Springwolf (swagger-core) names them: annotations, not constraints.
  ajv.addFormat('int32', true);
  ajv.addFormat('int64', true);
  const contracts = join(root, service, 'src', 'test', 'resources', 'contracts');
  for (const name of readdirSync(contracts).filter((n) => n.endsWith('.json')).sort()) {
    const type = name.replace(/\.json$/, '');
    const schema = sent.get(type);
    if (!schema?.properties) {
      fail(`${service}/src/test/resources/contracts/${name}`, `${service}'s document publishes no ${type} with a schema of its members`);
      continue;
    }
    const validate = ajv.compile(JSON.parse(JSON.stringify(schema)));
    const sample = JSON.parse(readFileSync(join(contracts, name), 'utf8'));
    if (!validate(sample)) {
      for (const e of validate.errors) fail(`${service} ${type} sample`, `${e.instancePath || '/'} ${e.message}`);
    }
    samples++;
  }
}

if (failures.length) {
  console.error(`asyncapi checks: ${failures.length} problem(s)`);
  for (const f of failures) console.error(`  - ${f}`);
  process.exit(1);
}
console.log(`asyncapi checks: OK (documents parse; ${samples} golden samples valid against their published schemas)`);
