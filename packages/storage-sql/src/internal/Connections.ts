/** Connections (tokens sealed), settings and cursors of the SQL store. */
import { randomUUID } from "node:crypto";
import { type Ids, Settings } from "@harvest-runn/domain";
import { Connection, type SyncStore, SyncStoreError } from "@harvest-runn/storage";
import { Effect, Option, Redacted } from "effect";
import { connectionTables } from "./Migrations.ts";
import { type Deps, fence, mapErrors, now, num, requireConnection, writeLock } from "./Support.ts";

interface ConnectionRow {
  readonly id: string;
  readonly name: string;
  readonly harvest_account_id: unknown;
  readonly harvest_user_agent: string;
  readonly runn_base_url: string;
  readonly created_at: string;
  readonly updated_at: string;
}

const view = (r: ConnectionRow): Connection.Connection => ({
  id: r.id as Ids.ConnectionId,
  name: r.name,
  harvest: { accountId: num(r.harvest_account_id) as Ids.HarvestAccountId, userAgent: r.harvest_user_agent },
  runn: { baseUrl: r.runn_base_url },
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const columns = "id, name, harvest_account_id, harvest_user_agent, runn_base_url, created_at, updated_at";

/** The connections part of the SQL store. */
export const makeConnections = ({ sql, box }: Deps): SyncStore.Connections => {
  const get = (id: Ids.ConnectionId) =>
    Effect.flatMap(
      sql<ConnectionRow>`SELECT ${sql.literal(columns)} FROM hr_connections WHERE id = ${id}`,
      (rows) =>
        rows[0]
          ? Effect.succeed(view(rows[0]))
          : Effect.fail(SyncStoreError.fail("NotFound", `no connection ${id}`)),
    );
  return {
    create: Effect.fn("SyncStore.connections.create")(function* (input) {
      const id = input.id ?? (randomUUID() as Ids.ConnectionId);
      const t = yield* now;
      const inserted = yield* sql`INSERT INTO hr_connections ${sql.insert({
        id,
        name: input.name,
        harvest_account_id: input.harvest.accountId,
        harvest_user_agent: input.harvest.userAgent,
        runn_base_url: input.runn.baseUrl ?? Connection.defaultRunnBaseUrl,
        harvest_token: box.seal(input.harvest.token, `${id}:harvest`),
        runn_token: box.seal(input.runn.token, `${id}:runn`),
        created_at: t.iso,
        updated_at: t.iso,
      })} ON CONFLICT (id) DO NOTHING RETURNING id`.pipe(mapErrors("connections.create"));
      if (inserted.length === 0)
        return yield* Effect.fail(SyncStoreError.fail("AlreadyExists", `connection ${id} exists`));
      return yield* get(id).pipe(mapErrors("connections.create"));
    }),
    update: Effect.fn("SyncStore.connections.update")(function* (id, patch) {
      const current = yield* get(id).pipe(mapErrors("connections.update"));
      const t = yield* now;
      const fields: Record<string, unknown> = {
        name: patch.name ?? current.name,
        harvest_account_id: patch.harvest?.accountId ?? current.harvest.accountId,
        harvest_user_agent: patch.harvest?.userAgent ?? current.harvest.userAgent,
        runn_base_url: patch.runn?.baseUrl ?? current.runn.baseUrl,
        updated_at: t.iso,
      };
      if (patch.harvest?.token) fields.harvest_token = box.seal(patch.harvest.token, `${id}:harvest`);
      if (patch.runn?.token) fields.runn_token = box.seal(patch.runn.token, `${id}:runn`);
      yield* sql`UPDATE hr_connections SET ${sql.update(fields)} WHERE id = ${id}`.pipe(
        mapErrors("connections.update"),
      );
      return yield* get(id).pipe(mapErrors("connections.update"));
    }),
    get: (id) => get(id).pipe(mapErrors("connections.get"), Effect.withSpan("SyncStore.connections.get")),
    list: sql<ConnectionRow>`SELECT ${sql.literal(columns)} FROM hr_connections ORDER BY id`.pipe(
      Effect.map((rows) => rows.map(view)),
      mapErrors("connections.list"),
    ),
    getSecrets: Effect.fn("SyncStore.connections.getSecrets")(function* (id) {
      const rows = yield* sql<{ harvest_token: string; runn_token: string }>`
        SELECT harvest_token, runn_token FROM hr_connections WHERE id = ${id}`.pipe(
        mapErrors("connections.getSecrets"),
      );
      const row = rows[0];
      if (!row) return yield* Effect.fail(SyncStoreError.fail("NotFound", `no connection ${id}`));
      return {
        harvestToken: yield* box.open(row.harvest_token, `${id}:harvest`),
        runnToken: yield* box.open(row.runn_token, `${id}:runn`),
      };
    }),
    delete: Effect.fn("SyncStore.connections.delete")(function* (id) {
      yield* sql
        .withTransaction(
          Effect.gen(function* () {
            yield* writeLock(sql);
            yield* requireConnection(sql, id);
            for (const [table, column] of connectionTables) {
              yield* sql`DELETE FROM ${sql(table)} WHERE ${sql(column)} = ${id}`;
            }
          }),
        )
        .pipe(mapErrors("connections.delete"));
    }),
  };
};

/** The context a connection's webhook URL is sealed under (its path or query can carry a token). */
const webhookContext = (id: string) => `${id}:webhook`;

/** The settings part of the SQL store; the webhook URL is stored sealed, like the tokens. */
export const makeSettings = ({ sql, box }: Deps): SyncStore.SettingsStore => ({
  get: Effect.fn("SyncStore.settings.get")(function* (id) {
    const rows = yield* sql<{ doc: string | null }>`
      SELECT s.doc FROM hr_connections c LEFT JOIN hr_settings s ON s.connection_id = c.id WHERE c.id = ${id}`.pipe(
      mapErrors("settings.get"),
    );
    const row = rows[0];
    if (!row) return yield* Effect.fail(SyncStoreError.fail("NotFound", `no connection ${id}`));
    const { webhookUrlSealed, ...doc } = JSON.parse(row.doc ?? "{}") as Record<string, unknown>;
    if (typeof webhookUrlSealed === "string")
      doc.webhookUrl = Redacted.value(yield* box.open(webhookUrlSealed, webhookContext(id)));
    return yield* Settings.decode(doc).pipe(mapErrors("settings.get"));
  }),
  put: Effect.fn("SyncStore.settings.put")(function* (id, settings) {
    const encoded = yield* Effect.mapError(Settings.encode(settings), (e) =>
      SyncStoreError.fail("Corrupt", `invalid settings: ${e.message}`),
    );
    const sealed =
      encoded.webhookUrl === null || encoded.webhookUrl === undefined
        ? encoded
        : {
            ...encoded,
            webhookUrl: null,
            webhookUrlSealed: box.seal(Redacted.make(encoded.webhookUrl), webhookContext(id)),
          };
    yield* sql
      .withTransaction(
        Effect.zipRight(
          Effect.zipRight(writeLock(sql), requireConnection(sql, id)),
          sql`INSERT INTO hr_settings (connection_id, doc) VALUES (${id}, ${JSON.stringify(sealed)})
              ON CONFLICT (connection_id) DO UPDATE SET doc = excluded.doc`,
        ),
      )
      .pipe(mapErrors("settings.put"));
    return yield* Settings.decode(encoded).pipe(mapErrors("settings.put"));
  }),
});

/** The cursors part of the SQL store. */
export const makeCursors = ({ sql }: Deps): SyncStore.Cursors => ({
  get: (id, stream) =>
    Effect.zipRight(
      requireConnection(sql, id),
      sql<{ value: string }>`SELECT value FROM hr_cursors WHERE connection_id = ${id} AND stream = ${stream}`,
    ).pipe(
      Effect.map((rows) => Option.fromNullable(rows[0]?.value)),
      mapErrors("cursors.get"),
    ),
  list: (id) =>
    Effect.zipRight(
      requireConnection(sql, id),
      sql<{
        stream: string;
        value: string;
      }>`SELECT stream, value FROM hr_cursors WHERE connection_id = ${id}`,
    ).pipe(
      Effect.map((rows) => Object.fromEntries(rows.map((r) => [r.stream, r.value]))),
      mapErrors("cursors.list"),
    ),
  set: (lease, stream, value) =>
    sql
      .withTransaction(
        Effect.zipRight(
          fence(sql, lease),
          sql`INSERT INTO hr_cursors (connection_id, stream, value) VALUES (${lease.connectionId}, ${stream}, ${value})
              ON CONFLICT (connection_id, stream) DO UPDATE SET value = excluded.value`,
        ),
      )
      .pipe(mapErrors("cursors.set")),
});
