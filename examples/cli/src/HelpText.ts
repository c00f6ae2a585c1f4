/**
 * What `--help` says about every command: its purpose, usage, options in their own words and examples.
 * Plain data with no imports, so `--help` prints without loading the sync (start-up stays fast).
 */

/** One option: its flag spelling (with the value it takes) and what it does. */
export type OptionHelp = readonly [flag: string, description: string];

/** The help of one command (`path` is its words after `harvest-runn`, e.g. `runs show`). */
export interface CommandHelp {
  readonly path: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The arguments after the command words, e.g. `<run id> [options]`. */
  readonly usage: string;
  /** A sentence or two on what it does. */
  readonly purpose: string;
  readonly options: ReadonlyArray<OptionHelp>;
  /** Command lines without the program name, e.g. `sync --dry-run`. */
  readonly examples: ReadonlyArray<string>;
}

/** The options shared by the commands that act on one connection. */
const connection: OptionHelp = [
  "-c, --connection <name|id>",
  "the connection to use; optional when the store holds only one",
];
const json: OptionHelp = ["--json", "print one JSON document on stdout instead of text"];
const scope: ReadonlyArray<OptionHelp> = [
  ["--only <types>", "limit the run to some of clients,projects,people,actuals (comma-separated)"],
  ["--project <harvest id>", "sync only this Harvest project's actuals"],
];

/** Every command, in the order the top-level help lists them. */
export const commands: ReadonlyArray<CommandHelp> = [
  {
    path: "demo",
    summary: "Sync a built-in sandbox into a fresh local store and show what happened",
    usage: "[options]",
    purpose:
      "Starts simulated Harvest and Runn accounts on this machine, connects them in a new store under .harvest-runn/demo-<time>, shows the plan, syncs with progress and explains the result. Nothing leaves the machine.",
    options: [
      ["--preset tiny|small|large", "how much data the sandbox holds (default tiny)"],
      ["--seed <n>", "seed of the generated data; the same seed gives the same accounts (default 42)"],
      [
        "--time-scale <n>",
        "run the sandbox's rate limits n times faster (default: tiny 1, small 20, large 100)",
      ],
      ["--anchor-date <YYYY-MM-DD>", "the sandbox's today; its clock then stays at that day's 18:00 UTC"],
      json,
    ],
    examples: ["demo", "demo --preset small", "demo --json > demo.json"],
  },
  {
    path: "connect",
    summary: "Check a Harvest and a Runn token and save them as a connection",
    usage: "[options]",
    purpose:
      "Checks both tokens against the live APIs (access role, region, write scope, clock) and saves them sealed in the local store. Missing values are read from the environment or asked for.",
    options: [
      ["--name <name>", "a name to pick the connection by with -c (default: default)"],
      ["--id <id>", "the connection's id (default: generated)"],
      ["--harvest-token <token>", "Harvest personal access token (else HARVEST_TOKEN)"],
      ["--harvest-account-id <id>", "Harvest account id (else HARVEST_ACCOUNT_ID)"],
      ["--harvest-user-agent <text>", 'contact sent to Harvest, "App (email)" (else HARVEST_USER_AGENT)'],
      ["--runn-token <token>", "Runn API token with write access (else RUNN_TOKEN)"],
      ["--runn-base-url <url>", "Runn region: https://api.runn.io (EU, default) or https://api.us.runn.io"],
      ["--actuals", "also sync timesheets as actuals (off until switched on)"],
      json,
    ],
    examples: [
      "connect --name acme --actuals",
      "connect --harvest-account-id 123456 --runn-base-url https://api.us.runn.io",
    ],
  },
  {
    path: "connections",
    summary: "List the saved connections",
    usage: "[options]",
    purpose: "Lists every connection in the store with its accounts, switches and schedule.",
    options: [json],
    examples: ["connections", "connections --json"],
  },
  {
    path: "connections delete",
    summary: "Delete a connection with its tokens, history and ledger",
    usage: "<connection id> [options]",
    purpose:
      "Deletes a connection from the local store: its sealed tokens, settings, cursors, run history and the ledger of actuals it wrote. Nothing in Runn changes.",
    options: [json],
    examples: ["connections delete demo"],
  },
  {
    path: "doctor",
    summary: "Check a connection's tokens, access role, region, write scope and clock",
    usage: "[options]",
    purpose:
      "Runs every check `connect` runs against the saved connection and prints one line each; exits 1 when a check fails.",
    options: [connection, json],
    examples: ["doctor", "doctor -c acme"],
  },
  {
    path: "settings",
    summary: "Show or change what syncs, how, and when",
    usage: "[options]",
    purpose: "Prints a connection's settings; the flags given change only those settings and keep the rest.",
    options: [
      connection,
      ["--clients-and-projects on|off", "import Harvest clients and projects into Runn"],
      ["--people on|off", "import Harvest users as Runn people"],
      ["--actuals on|off", "write Harvest timesheets as Runn actuals"],
      [
        "--on-possible-duplicate hold|create|link",
        "what to do when Runn already has a record with that name",
      ],
      ["--on-removed-time delete|zero", "what happens to an actual whose Harvest time was deleted"],
      ["--window-days <n>", "how many days back each run recomputes actuals"],
      ["--include-archived on|off", "import archived Harvest clients, projects and users too"],
      ["--protect-manual-edits on|off", "keep actuals edited by hand in Runn instead of overwriting them"],
      ["--approved-only on|off", "sync only time that is approved in Harvest"],
      [
        "--role-map <Harvest role=Runn role>",
        "map a Harvest role to a Runn role; repeat it, it replaces the table",
      ],
      ["--schedule <HH:MM>", "time of the daily run"],
      ["--time-zone <zone>", "time zone of the daily run, e.g. Europe/Berlin"],
      ["--scheduled on|off", "run every day at the scheduled time"],
      ["--webhook <url|none>", "address told about every finished run, or none"],
      json,
    ],
    examples: [
      "settings",
      "settings --actuals on --window-days 30",
      'settings --role-map "Developer=Engineer" --role-map "PM=Manager"',
    ],
  },
  {
    path: "plan",
    summary: "Show what a sync would write, writing nothing",
    usage: "[options]",
    purpose:
      "Reads both accounts and lists the writes a sync would make, and what it would hold back and why. With --json it prints the plan, which `apply` can run later.",
    options: [connection, ...scope, json],
    examples: ["plan", "plan --only clients,projects", "plan --json > plan.json"],
  },
  {
    path: "sync",
    summary: "Run the sync now",
    usage: "[options]",
    purpose:
      "Imports what the switches allow and writes actuals, with progress; exits 0 when done, 3 when some writes failed (the next run completes them), 1 when it failed.",
    options: [
      connection,
      ...scope,
      ["--dry-run", "write nothing; print the plan instead"],
      [
        "--wait <seconds>",
        "when another run holds the connection (one in progress, or one that crashed before its lease expired), wait up to this long for it, reading Harvest meanwhile, instead of failing at once",
      ],
      json,
    ],
    examples: ["sync", "sync --only actuals", "sync --project 20000004 --dry-run", "sync --wait 120"],
  },
  {
    path: "apply",
    summary: "Apply a plan saved with plan --json",
    usage: "<plan.json> [options]",
    purpose: "Writes exactly the saved plan, and refuses it when Harvest or Runn changed since it was made.",
    options: [json],
    examples: ["apply plan.json"],
  },
  {
    path: "backfill",
    summary: "Recompute every day's actuals from a date",
    usage: "--from <YYYY-MM-DD> [options]",
    purpose:
      "Runs a sync whose actuals window starts at the given day, to pick up old edits or a first import of history.",
    options: [connection, ["--from <YYYY-MM-DD>", "the first day to recompute (required)"], json],
    examples: ["backfill --from 2026-01-01", "backfill --from 2025-10-01 -c acme"],
  },
  {
    path: "status",
    summary: "Show the last success per type, whether a run is going, recent runs",
    usage: "[options]",
    purpose: "Reads only the local store, so it answers even when Harvest or Runn is down.",
    options: [connection, json],
    examples: ["status", "status -c acme --json"],
  },
  {
    path: "runs",
    summary: "List a connection's runs, newest first",
    usage: "[options]",
    purpose: "Lists recent runs with their status, trigger, start time, duration and counts.",
    options: [connection, ["--limit <n>", "how many runs to list (default 20)"], json],
    examples: ["runs", "runs --limit 5"],
  },
  {
    path: "runs show",
    summary: "List one run's items, filtered by outcome and reason",
    usage: "<run id> [options]",
    purpose: "Prints what one run did, item by item. `harvest-runn reasons` explains the reason codes.",
    options: [
      ["--outcome <outcome>", "only items with this outcome, e.g. created, written, held, skipped, failed"],
      ["--reason <code>", "only items held or skipped for this reason (see `harvest-runn reasons`)"],
      json,
    ],
    examples: [
      "runs show 3f2a1b9c",
      "runs show 3f2a1b9c --outcome held",
      "runs show 3f2a1b9c --reason unknown_role",
    ],
  },
  {
    path: "reasons",
    summary: "Explain the reason codes of held and skipped items",
    usage: "[options]",
    purpose: "Lists every reason code with what it means and what you can do about it.",
    options: [json],
    examples: ["reasons", "reasons --json"],
  },
  {
    path: "link",
    summary: "Link a Runn record to a Harvest one, or list suggested links",
    usage: "<client|project|person> <runn id> <harvest id> [options]\n  link --suggest [--apply] [options]",
    purpose:
      "Marks a Runn client, project or person as the same as a Harvest one, so the sync updates it instead of creating another. --suggest lists the possible duplicates the sync found.",
    options: [
      connection,
      ["--suggest", "list suggested links instead of making one"],
      ["--apply", "with --suggest: make every suggested link"],
      json,
    ],
    examples: ["link person 63009 3000009", "link --suggest", "link --suggest --apply"],
  },
  {
    path: "unlink",
    summary: "Remove a link between a Runn record and a Harvest one",
    usage: "<client|project|person> <runn id> <harvest id> [options]",
    purpose: "Removes the Harvest id from the Runn record; nothing else in Runn changes.",
    options: [connection, json],
    examples: ["unlink project 52004 20000004"],
  },
  {
    path: "ignore",
    summary: "Stop importing a Harvest client, project or person",
    usage: "<client|project|person> <harvest id> [options]",
    purpose:
      "Puts a Harvest record on the do-not-import list, so it is never created in Runn. A record already linked in Runn stays linked and its actuals keep syncing; unlink it to stop them too.",
    options: [
      connection,
      ["--undo", "take it off the list, so it is imported again"],
      ["--note <text>", "why, shown with the list"],
      json,
    ],
    examples: [
      "ignore project 20000007",
      'ignore person 3000009 --note "left in March"',
      "ignore person 3000009 --undo",
    ],
  },
  {
    path: "undo",
    summary: "Remove what a run created in Runn",
    usage: "<run id> [options]",
    purpose:
      "Deletes the people and projects a run created and archives its clients, never anything that has other data on it.",
    options: [["--dry-run", "list what would be removed and change nothing"], json],
    examples: ["undo 3f2a1b9c --dry-run", "undo 3f2a1b9c"],
  },
];

/** The help of a command path, if there is one. */
export const find = (path: string): CommandHelp | undefined => commands.find((c) => c.path === path);

/** The first word of every top-level command. */
export const topLevel: ReadonlyArray<string> = [...new Set(commands.map((c) => c.path.split(" ")[0] ?? ""))];
