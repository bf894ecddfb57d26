// Validates rendered Kubernetes manifests (multi-document YAML files), object by object:
//  - built-in kinds with the models of the npm package kubernetes-models (types, required fields,
//    enumerations), plus a walk over the models' declared properties that refuses every field the
//    API does not know (the API server would drop or refuse it);
//  - custom resources against the JSON schemas of their CRDs in --crds <dir> (<group>/<kind>_<version>.json,
//    as in ../shared/k8s-crd-schemas), whose additionalProperties: false refuse unknown fields.
//
//   node validate-k8s.mjs [--crds <dir>] <file.yaml>...
//
// Prints one line per problem ("<file> <Kind>/<name>: <path> <message>") and a summary; exits 1 if any.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";
import Ajv from "ajv";
import addFormats from "ajv-formats";

const here = path.dirname(fileURLToPath(import.meta.url));
const modelsDir = path.join(here, "node_modules", "kubernetes-models");

const args = process.argv.slice(2);
let crdDir = null;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--crds") crdDir = args[++i];
  else files.push(args[i]);
}
if (files.length === 0) {
  console.error("usage: node validate-k8s.mjs [--crds <dir>] <file.yaml>...");
  process.exit(2);
}

// ---- unknown fields of built-in kinds, from the models' type declarations ----

const declared = new Map(); // .d.ts file -> { props: Map<name, type>, imports: Map<identifier, file> } or null

/** The first interface a models .d.ts file declares, as property name -> type text; null for aliases (Quantity, Time...). */
function declaration(file) {
  if (declared.has(file)) return declared.get(file);
  let result = null;
  if (fs.existsSync(file)) {
    const text = fs.readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
    const imports = new Map();
    for (const m of text.matchAll(/import \{([^}]+)\} from "([^"]+)";/g)) {
      for (const id of m[1].split(",").map((s) => s.trim()).filter(Boolean)) {
        imports.set(id, resolveImport(file, m[2]));
      }
    }
    const start = text.search(/export interface I\w+(?: extends [\w, ]+)? \{/);
    if (start >= 0) {
      const body = text.slice(text.indexOf("{", start) + 1);
      const props = new Map();
      let depth = 0;
      let current = "";
      for (const ch of body) {
        if (depth === 0 && ch === "}") break;
        if (ch === "{" || ch === "<") depth++;
        if (ch === "}" || ch === ">") depth--;
        if (ch === ";" && depth === 0) {
          const m = current.trim().match(/^"([^"]+)"\??:\s*([\s\S]+)$/);
          if (m) props.set(m[1], m[2].replace(/\s+/g, " ").trim());
          current = "";
        } else {
          current += ch;
        }
      }
      result = { props, imports };
    }
  }
  declared.set(file, result);
  return result;
}

function resolveImport(from, spec) {
  const stripped = spec.replace(/\.js$/, "");
  const base = spec.startsWith(".")
    ? path.resolve(path.dirname(from), stripped)
    : path.join(here, "node_modules", stripped);
  return base + ".d.ts";
}

/** Reports every key of value that the declared type does not have, recursively. */
function unknownFields(value, type, decl, at, problems) {
  if (value === null || value === undefined) return;
  type = type.trim();
  let m;
  if ((m = type.match(/^Array<(.+)>$/))) {
    if (Array.isArray(value)) value.forEach((v, i) => unknownFields(v, m[1], decl, `${at}/${i}`, problems));
    return;
  }
  if ((m = type.match(/^\{ \[key: string\]: (.+); \}$/))) {
    if (typeof value === "object" && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) unknownFields(v, m[1], decl, `${at}/${k}`, problems);
    }
    return;
  }
  if (/^I\w+$/.test(type) && decl && decl.imports.has(type)) {
    const inner = declaration(decl.imports.get(type));
    if (inner) checkObject(value, inner, at, problems);
  }
}

function checkObject(value, decl, at, problems) {
  if (typeof value !== "object" || Array.isArray(value)) return; // the model's validator reports the type
  for (const [k, v] of Object.entries(value)) {
    if (!decl.props.has(k)) {
      problems.push(`${at || "/"} has unknown field "${k}"`);
    } else {
      unknownFields(v, decl.props.get(k), decl, `${at}/${k}`, problems);
    }
  }
}

async function builtIn(obj) {
  const file = path.join(modelsDir, obj.apiVersion, `${obj.kind}.d.ts`);
  if (!/^[\w./-]+$/.test(obj.apiVersion) || !fs.existsSync(file)) return null;
  const module = await import(`kubernetes-models/${obj.apiVersion}/${obj.kind}`);
  const Model = module[obj.kind] ?? module.default;
  return { Model, decl: declaration(file) };
}

// ---- custom resources ----

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const compiled = new Map();
const objectMeta = path.join(here, "node_modules", "@kubernetes-models", "apimachinery", "apis", "meta", "v1", "ObjectMeta.d.ts");

function customSchema(obj) {
  const [group, version] = obj.apiVersion.split("/");
  const file = path.join(crdDir, group, `${obj.kind.toLowerCase()}_${version}.json`);
  if (!compiled.has(file)) {
    compiled.set(file, fs.existsSync(file) ? ajv.compile(JSON.parse(fs.readFileSync(file, "utf8"))) : null);
  }
  return compiled.get(file);
}

// ---- main ----

let checked = 0;
let failed = 0;
const notChecked = [];
for (const file of files) {
  const docs = YAML.parseAllDocuments(fs.readFileSync(file, "utf8"));
  for (const doc of docs) {
    if (doc.errors.length) {
      console.log(`${file}: YAML error ${doc.errors[0].message}`);
      failed++;
      continue;
    }
    const obj = doc.toJS();
    if (obj === null || obj === undefined) continue;
    const name = `${obj.kind ?? "?"}/${obj.metadata?.name ?? "?"}`;
    const problems = [];
    if (typeof obj.apiVersion !== "string" || typeof obj.kind !== "string") {
      problems.push("apiVersion and kind are required");
    } else if (!obj.apiVersion.includes("/") || /\.k8s\.io\//.test(obj.apiVersion) || /^(apps|batch|policy|autoscaling)\//.test(obj.apiVersion)) {
      const model = await builtIn(obj);
      if (!model) {
        problems.push(`no kubernetes-models model for ${obj.apiVersion} ${obj.kind}`);
      } else {
        try {
          new model.Model(obj).validate();
        } catch (e) {
          problems.push(e.message);
        }
        checkObject(obj, model.decl, "", problems);
      }
    } else if (!crdDir) {
      notChecked.push(`${file} ${name}`);
      continue;
    } else {
      const validate = customSchema(obj);
      if (!validate) {
        problems.push(`no schema for ${obj.apiVersion} ${obj.kind} in ${crdDir}`);
      } else {
        for (const key of Object.keys(obj)) {
          if (!["apiVersion", "kind", "metadata", "spec"].includes(key)) problems.push(`/ has unknown field "${key}"`);
        }
        checkObject(obj.metadata ?? {}, declaration(objectMeta), "/metadata", problems);
        if (!validate(obj)) {
          for (const e of validate.errors) {
            const extra = e.keyword === "additionalProperties" ? ` "${e.params.additionalProperty}"` : "";
            problems.push(`${e.instancePath || "/"} ${e.message}${extra}`);
          }
        }
      }
    }
    checked++;
    if (problems.length) {
      failed++;
      for (const p of problems) console.log(`${file} ${name}: ${p}`);
    }
  }
}
for (const n of notChecked) console.log(`not checked (no CRD schemas given): ${n}`);
console.log(`${checked} objects checked, ${failed} with problems, ${notChecked.length} not checked`);
process.exit(failed > 0 ? 1 : 0);
