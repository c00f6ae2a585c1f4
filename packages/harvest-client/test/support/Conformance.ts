/**
 * Compares our OpenAPI file with another description of the same API: every operation, query
 * parameter, request and response property and response header we declare must exist there with a
 * compatible type. Handles OpenAPI 3.0 `nullable` and 3.1 type arrays, `$ref`, `allOf`, `oneOf`/`anyOf`.
 */
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** Follows local `$ref`s (`#/components/...`) until a non-reference node. */
export const deref = (doc: Json, node: unknown, depth = 0): Json => {
  if (!isObject(node)) return {};
  const ref = node.$ref;
  if (typeof ref !== "string" || depth > 20) return node;
  const target = ref
    .replace(/^#\//, "")
    .split("/")
    .reduce<unknown>(
      (at, key) => (isObject(at) ? at[key.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined),
      doc,
    );
  return deref(doc, target, depth + 1);
};

/** A schema reduced to what the comparison needs. */
export interface Shape {
  readonly types: ReadonlySet<string>;
  readonly properties: ReadonlyMap<string, Shape>;
  readonly items: Shape | undefined;
}

/** Normalises a schema: merged `allOf`, unioned `oneOf`/`anyOf`, `nullable` as the type "null". */
export const shape = (doc: Json, node: unknown, depth = 0): Shape => {
  const schema = deref(doc, node);
  const types = new Set<string>();
  const properties = new Map<string, Shape>();
  let items: Shape | undefined;
  if (depth > 30) return { types, properties, items };
  const add = (other: Shape) => {
    for (const t of other.types) types.add(t);
    for (const [key, value] of other.properties) properties.set(key, value);
    items ??= other.items;
  };
  for (const part of [...asArray(schema.allOf), ...asArray(schema.oneOf), ...asArray(schema.anyOf)]) {
    add(shape(doc, part, depth + 1));
  }
  for (const t of asArray(schema.type)) if (typeof t === "string") types.add(t);
  if (schema.nullable === true) types.add("null");
  if (isObject(schema.properties)) {
    types.add("object");
    for (const [key, value] of Object.entries(schema.properties))
      properties.set(key, shape(doc, value, depth + 1));
  }
  if (schema.items !== undefined) items = shape(doc, schema.items, depth + 1);
  return { types, properties, items };
};

const asArray = (value: unknown): ReadonlyArray<unknown> =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** Differences of `ours` against `theirs`, each a line starting with `where`. */
export const compareShapes = (ours: Shape, theirs: Shape, where: string): Array<string> => {
  const diffs: Array<string> = [];
  const mine = [...ours.types].filter((t) => t !== "null");
  const known = new Set([...theirs.types].filter((t) => t !== "null"));
  if (known.size > 0) {
    for (const t of mine) {
      if (!known.has(t) && !(t === "integer" && known.has("number"))) {
        diffs.push(`${where}: type ${t} vs ${[...known].join("|")}`);
      }
    }
  }
  if (ours.types.has("null") && !theirs.types.has("null") && theirs.types.size > 0) {
    diffs.push(`${where}: nullable here only`);
  }
  for (const [key, value] of ours.properties) {
    const other = theirs.properties.get(key);
    if (other === undefined) diffs.push(`${where}.${key}: missing`);
    else diffs.push(...compareShapes(value, other, `${where}.${key}`));
  }
  if (ours.items !== undefined && theirs.items !== undefined) {
    diffs.push(...compareShapes(ours.items, theirs.items, `${where}[]`));
  }
  return diffs;
};

const methods = ["get", "put", "post", "patch", "delete"] as const;
const normalisePath = (path: string) => path.replace(/\{[^}]+\}/g, "{}");

const paramsOf = (doc: Json, pathItem: Json, operation: Json) =>
  [...asArray(pathItem.parameters), ...asArray(operation.parameters)].map((p) => deref(doc, p));

const jsonSchema = (doc: Json, holder: unknown) => {
  const content = deref(doc, holder).content;
  return isObject(content) && isObject(content["application/json"])
    ? content["application/json"].schema
    : undefined;
};

/** Every difference of `ours` against `theirs`, one line per finding. */
export const compareSpecs = (ours: Json, theirs: Json): Array<string> => {
  const diffs: Array<string> = [];
  const theirPaths = new Map(
    Object.entries(isObject(theirs.paths) ? theirs.paths : {}).map(([path, item]) => [
      normalisePath(path),
      item,
    ]),
  );
  for (const [path, rawItem] of Object.entries(isObject(ours.paths) ? ours.paths : {})) {
    const item = deref(ours, rawItem);
    const theirItem = deref(theirs, theirPaths.get(normalisePath(path)));
    for (const method of methods) {
      const op = item[method];
      if (!isObject(op)) continue;
      const at = `${method.toUpperCase()} ${path}`;
      const theirOp = theirItem[method];
      if (!isObject(theirOp)) {
        diffs.push(`${at}: operation missing`);
        continue;
      }
      const theirParams = paramsOf(theirs, theirItem, theirOp);
      for (const param of paramsOf(ours, item, op).filter((p) => p.in === "query")) {
        const other = theirParams.find((p) => p.in === "query" && p.name === param.name);
        if (other === undefined) diffs.push(`${at} query ${String(param.name)}: missing`);
        else
          diffs.push(
            ...compareShapes(
              shape(ours, param.schema),
              shape(theirs, other.schema),
              `${at} query ${String(param.name)}`,
            ),
          );
      }
      const body = jsonSchema(ours, op.requestBody);
      if (body !== undefined) {
        const other = jsonSchema(theirs, theirOp.requestBody);
        if (other === undefined) diffs.push(`${at} request: missing`);
        else diffs.push(...compareShapes(shape(ours, body), shape(theirs, other), `${at} request`));
      }
      const theirResponses = isObject(theirOp.responses) ? theirOp.responses : {};
      for (const [status, rawResponse] of Object.entries(isObject(op.responses) ? op.responses : {})) {
        const response = deref(ours, rawResponse);
        const theirResponse = deref(theirs, theirResponses[status] ?? theirResponses.default);
        const where = `${at} ${status}`;
        if (theirResponses[status] === undefined && theirResponses.default === undefined) {
          diffs.push(`${where}: status missing`);
          continue;
        }
        for (const header of Object.keys(isObject(response.headers) ? response.headers : {})) {
          const theirHeaders = isObject(theirResponse.headers) ? theirResponse.headers : {};
          if (theirHeaders[header] === undefined) diffs.push(`${where} header ${header}: missing`);
        }
        const schema = jsonSchema(ours, response);
        if (schema === undefined || !status.startsWith("2")) continue;
        const other = jsonSchema(theirs, theirResponse);
        if (other === undefined) diffs.push(`${where} body: missing`);
        else diffs.push(...compareShapes(shape(ours, schema), shape(theirs, other), `${where} body`));
      }
    }
  }
  return diffs;
};
