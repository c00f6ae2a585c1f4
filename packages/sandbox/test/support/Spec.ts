/**
 * Validates requests and responses against our OpenAPI files with ajv 8 (JSON Schema 2020-12): the
 * whole document is registered once and each check compiles a JSON pointer into it.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ids } from "@harvest-runn/domain";
import Ajv2020 from "ajv/dist/2020.js";
import { parse } from "yaml";

type Json = Record<string, unknown>;
const root = fileURLToPath(new URL("../../../../openapi/", import.meta.url));

const makeAjv = () => {
  const ajv = new Ajv2020.default({ strict: false, allErrors: true, validateFormats: true });
  ajv.addFormat("date", { type: "string", validate: Ids.isIsoDate });
  ajv.addFormat("date-time", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
  ajv.addFormat("uri", /^https?:\/\/\S+$/);
  // Runn's own spelling of a web address format.
  ajv.addFormat("url", /^https?:\/\/\S+$/);
  ajv.addFormat("email", /^[^@\s]+@[^@\s]+$/);
  ajv.addFormat("int64", { type: "number", validate: (n: number) => Number.isInteger(n) });
  return ajv;
};

const escapePointer = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");

/** One OpenAPI file's validator. */
export class Spec {
  readonly doc: Json;
  private readonly ajv = makeAjv();
  private readonly compiled = new Map<string, ReturnType<typeof this.ajv.compile>>();
  readonly checked = { requests: 0, responses: 0 };

  constructor(readonly file: "harvest.yaml" | "runn.yaml") {
    this.doc = parse(readFileSync(`${root}${file}`, "utf8")) as Json;
    this.ajv.addSchema({ ...this.doc, $id: file });
  }

  private check(pointer: string, value: unknown): string[] {
    let validate = this.compiled.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${this.file}${pointer}` });
      this.compiled.set(pointer, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? [])
      .slice(0, 5)
      .map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
  }

  private resolve(node: Json, pointer: string): { node: Json; pointer: string } {
    const ref = node.$ref;
    if (typeof ref !== "string") return { node, pointer };
    const parts = ref.slice(2).split("/");
    let n: unknown = this.doc;
    for (const p of parts) n = (n as Json)[p.replace(/~1/g, "/").replace(/~0/g, "~")];
    return { node: n as Json, pointer: ref };
  }

  /**
   * The path template that matches a concrete path exactly, trailing slash included (literal segments
   * win), or null: Runn serves `/projects/{id}` and `/projects/{id}/` as different operations.
   */
  template(method: string, path: string): string | null {
    const paths = this.doc.paths as Record<string, Json>;
    const hits = Object.keys(paths)
      .filter((t) => new RegExp(`^${t.replace(/\{[^}]+\}/g, "[^/]+")}$`).test(path))
      .filter((t) => (paths[t] as Json)[method.toLowerCase()] !== undefined)
      .sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0));
    return hits[0] ?? null;
  }

  /** Errors of one response; an undeclared status or path is an error. */
  response(method: string, path: string, status: number, body: unknown): string[] {
    const t = this.template(method, path);
    if (!t) return [`${method} ${path}: no operation in ${this.file}`];
    const m = method.toLowerCase();
    const opPointer = `#/paths/${escapePointer(t)}/${m}`;
    const item = (this.doc.paths as Record<string, Json>)[t] as Json;
    const responses = (item[m] as Json).responses as Record<string, Json>;
    const declared = responses[String(status)] ?? responses.default;
    if (!declared) return [`${method} ${t}: status ${status} not declared`];
    this.checked.responses++;
    const { node, pointer } = this.resolve(declared, `${opPointer}/responses/${status}`);
    const content = node.content as Record<string, Json> | undefined;
    if (!content?.["application/json"]) return [];
    if (body === undefined) return [`${method} ${t} ${status}: JSON body expected`];
    return this.check(`${pointer}/content/application~1json/schema`, body).map(
      (e) => `${method} ${t} ${status}: ${e}`,
    );
  }

  /** Errors of one request: required and declared parameters, parameter values, the JSON body. */
  request(
    method: string,
    path: string,
    query: URLSearchParams,
    headers: Record<string, string>,
    body: unknown,
  ): string[] {
    const t = this.template(method, path);
    if (!t) return [`${method} ${path}: no operation in ${this.file}`];
    this.checked.requests++;
    const m = method.toLowerCase();
    const item = (this.doc.paths as Record<string, Json>)[t] as Json;
    const op = item[m] as Json;
    const itemParams = ((item.parameters as Json[]) ?? []).map((p, i) =>
      this.resolve(p, `#/paths/${escapePointer(t)}/parameters/${i}`),
    );
    const opParams = ((op.parameters as Json[]) ?? []).map((p, i) =>
      this.resolve(p, `#/paths/${escapePointer(t)}/${m}/parameters/${i}`),
    );
    const params = [...itemParams, ...opParams];
    const errors: string[] = [];
    const queryNames = new Set<string>();
    for (const { node, pointer } of params) {
      const name = node.name as string;
      const where = node.in as string;
      const schema = (node.schema ?? {}) as Json;
      if (where === "query") queryNames.add(name);
      const raw =
        where === "query"
          ? query.getAll(name)
          : where === "header"
            ? [headers[name.toLowerCase()]].filter((v) => v !== undefined)
            : [];
      if (where === "path") continue;
      if (raw.length === 0) {
        if (node.required === true) errors.push(`${method} ${t}: missing ${where} ${name}`);
        continue;
      }
      const type = (schema.type ?? (this.resolve(schema, "").node as Json).type) as string | undefined;
      const itemType = ((schema.items as Json | undefined)?.type ?? type) as string | undefined;
      const coerce = (v: string, as: string | undefined): unknown => {
        if (as === "integer" || as === "number") return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
        if (as === "boolean") return v === "true" ? true : v === "false" ? false : v;
        return v;
      };
      const value =
        type === "array" ? raw.map((v) => coerce(v as string, itemType)) : coerce(raw[0] as string, type);
      errors.push(
        ...this.check(`${pointer}/schema`, value).map(
          (e) => `${method} ${t}: ${where} ${name}=${JSON.stringify(value)} ${e}`,
        ),
      );
    }
    for (const name of new Set(query.keys()))
      if (!queryNames.has(name)) errors.push(`${method} ${t}: undeclared query parameter ${name}`);
    const rb = op.requestBody as Json | undefined;
    if (rb) {
      const { node, pointer } = this.resolve(rb, `#/paths/${escapePointer(t)}/${m}/requestBody`);
      if (body === undefined) {
        if (node.required === true) errors.push(`${method} ${t}: body required`);
      } else
        errors.push(
          ...this.check(`${pointer}/content/application~1json/schema`, body).map(
            (e) => `${method} ${t} body: ${e}`,
          ),
        );
    } else if (body !== undefined) errors.push(`${method} ${t}: unexpected body`);
    return errors;
  }
}

export const harvestSpec = new Spec("harvest.yaml");
export const runnSpec = new Spec("runn.yaml");
