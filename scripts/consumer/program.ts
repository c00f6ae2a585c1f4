/**
 * A consumer of the published packages, as a user's service would write it: connect → plan → run against
 * the sandbox, once through the Promise facade and once through the Effect API. The consumer check copies
 * it to `main.mts` (ESM) and `main.cts` (CommonJS), type-checks it and runs it. Its only stdout lines
 * start with `consumer-result `; anything else on stdout came from the library.
 */
import { SecretBox } from "@harvest-runn/storage";
import { SyncStoreSql } from "@harvest-runn/storage-sql";
import { Clients, Facade, Sync, SyncLogger } from "@harvest-runn/sync";
import { Effect, Layer, Redacted } from "effect";

interface Account {
  readonly harvest: {
    readonly baseUrl: string;
    readonly idBaseUrl: string;
    readonly accountId: string;
    readonly token: string;
  };
  readonly runn: { readonly baseUrl: string; readonly token: string };
}
interface Info {
  readonly accounts: ReadonlyArray<Account>;
  readonly timeScale: number;
}

const info = JSON.parse(process.env.SANDBOX_INFO ?? "{}") as Info;
const store = process.env.CONSUMER_STORE === "sqlite" ? "sqlite" : "postgres";
const dir = process.env.CONSUMER_DIR ?? ".";
const tag = process.env.CONSUMER_TAG ?? "consumer";
const account = (i: number): Account => {
  const a = info.accounts[i];
  if (!a) throw new Error(`the sandbox has no account ${i}`);
  return a;
};
// Point both clients at the sandbox; its rate limits run `timeScale` times faster than the real ones.
const clientsFor = (a: Account): Clients.Options => ({
  harvestBaseUrl: a.harvest.baseUrl,
  harvestIdBaseUrl: a.harvest.idBaseUrl,
  harvestRateLimit: { limit: 100, window: `${15000 / info.timeScale} millis` },
  runnRateLimit: { limit: 120, window: `${60000 / info.timeScale} millis` },
});
const connectInput = (a: Account) => ({
  name: `${tag} consumer`,
  harvest: {
    accountId: Number(a.harvest.accountId),
    userAgent: "Consumer check (ci@example.test)",
    token: a.harvest.token,
  },
  runn: { baseUrl: a.runn.baseUrl, token: a.runn.token },
  settings: { switches: { actuals: true } },
});

const check = (
  api: string,
  planned: number,
  summary: { status: string; counts: { created: number; written: number } },
) => {
  if (planned <= 0) throw new Error(`${api}: the plan holds no writes`);
  if (summary.status !== "succeeded") throw new Error(`${api}: the run ended ${summary.status}`);
  if (summary.counts.created + summary.counts.written !== planned)
    throw new Error(
      `${api}: planned ${planned} writes, made ${summary.counts.created + summary.counts.written}`,
    );
  process.stdout.write(
    `consumer-result ${JSON.stringify({ tag, api, store, planned, status: summary.status })}\n`,
  );
};

const viaPromise = async () => {
  const a = account(0);
  const pgSchema = `consumer_${tag}_promise`;
  const sync = Facade.createSync({
    store:
      store === "sqlite"
        ? { sqlite: { filename: `${dir}/promise/state.db` } } // no key: secret.key is created beside it
        : { postgres: { secretKey: Redacted.value(SecretBox.generateKey()), schema: pgSchema } },
    clients: clientsFor(a),
  });
  try {
    const { connection } = await sync.connect(connectInput(a));
    const preview = await sync.plan(connection.id);
    const summary = await sync.run(connection.id);
    check("promise", preview.writes, summary);
  } finally {
    await sync.close();
  }
};

const viaEffect = async () => {
  const a = account(1);
  const storeLayer =
    store === "sqlite"
      ? SyncStoreSql.layerSqlite({ filename: `${dir}/effect/state.db`, secretKey: SecretBox.generateKey() })
      : SyncStoreSql.layerPg({ secretKey: SecretBox.generateKey(), schema: `consumer_${tag}_effect` });
  const SyncLive = Sync.layer().pipe(Layer.provide(Layer.merge(storeLayer, Clients.layer(clientsFor(a)))));
  const program = Effect.gen(function* () {
    const sync = yield* Sync.Sync;
    const { connection } = yield* sync.connect({
      ...connectInput(a),
      harvest: { ...connectInput(a).harvest, token: Redacted.make(a.harvest.token) },
      runn: { ...connectInput(a).runn, token: Redacted.make(a.runn.token) },
    });
    const preview = yield* sync.plan(connection.id);
    const summary = yield* sync.run(connection.id, { trigger: "api" });
    return { planned: preview.writes, summary };
  });
  const out = await Effect.runPromise(
    program.pipe(Effect.provide(SyncLive), Effect.provide(SyncLogger.layer({ logLevel: "warning" }))),
  );
  check("effect", out.planned, out.summary);
};

const main = async () => {
  await viaPromise();
  await viaEffect();
  if (store === "postgres") {
    const url = Redacted.make(process.env.DATABASE_URL ?? "");
    for (const api of ["promise", "effect"])
      await Effect.runPromise(SyncStoreSql.dropPgSchema({ url, schema: `consumer_${tag}_${api}` }));
  }
};

main().catch((e: unknown) => {
  process.stderr.write(
    `consumer ${tag} failed: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}\n`,
  );
  process.exit(1);
});
