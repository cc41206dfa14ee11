// Validates Kubernetes resources against the upstream OpenAPI schemas, as compiled into the npm package
// kubernetes-models. Usage: node validate.mjs <resources.json>   (a JSON array of resources)
// Prints a JSON array: [{ index, apiVersion, kind, name, valid, errors: [..] }]. Exit code 0 when it could check
// everything (valid or not), 2 on a usage error. This file is copied next to node_modules by the tests.
import { readFile } from "node:fs/promises";

const [, , input] = process.argv;
if (!input) {
  console.error("usage: node validate.mjs <resources.json>");
  process.exit(2);
}

const resources = JSON.parse(await readFile(input, "utf8"));
const results = [];
for (const [index, resource] of resources.entries()) {
  const apiVersion = resource?.apiVersion;
  const kind = resource?.kind;
  const name = resource?.metadata?.name ?? null;
  const result = { index, apiVersion: apiVersion ?? null, kind: kind ?? null, name, valid: false, errors: [] };
  results.push(result);
  if (typeof apiVersion !== "string" || typeof kind !== "string" || !/^[A-Za-z0-9]+$/.test(kind)) {
    result.errors.push("apiVersion and kind are required");
    continue;
  }
  // "v1" is the core group (kubernetes-models/v1/Pod); "apps/v1" a named one (kubernetes-models/apps/v1/Deployment).
  const specifier = `kubernetes-models/${apiVersion}/${kind}`;
  let model;
  try {
    model = (await import(specifier))[kind];
  } catch {
    model = undefined;
  }
  if (typeof model !== "function") {
    result.errors.push(`no schema for ${apiVersion} ${kind} in kubernetes-models`);
    continue;
  }
  try {
    new model(resource).validate();
    result.valid = true;
  } catch (error) {
    result.errors.push(String(error?.message ?? error));
  }
}
process.stdout.write(JSON.stringify(results));
