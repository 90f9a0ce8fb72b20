// Proves prisma/schema.prisma and the migrated database agree, standing in for
// `prisma migrate diff`, whose schema engine cannot be downloaded here. The
// database may hold more than Prisma can express (expression indexes, CHECK
// and exclusion constraints, triggers); everything Prisma can express must match.
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePrismaSchema, scalarFields, type Field, type Model, type PrismaSchema, type ReferentialAction } from "./prisma-schema";

const SCHEMA_PATH = path.resolve(import.meta.dirname, "../../prisma/schema.prisma");

interface Column {
  table: string;
  name: string;
  /** As `format_type` prints it, e.g. `timestamp(3) with time zone`, `"VisitMode"[]`. */
  type: string;
  notNull: boolean;
  /** The default expression, or how an identity or generated column fills itself. */
  default: string | null;
}

interface Index {
  table: string;
  name: string;
  /** null where the index has an expression rather than a column. */
  columns: (string | null)[];
  unique: boolean;
  primary: boolean;
  method: string;
  partial: boolean;
  ascending: boolean;
}

interface ForeignKey {
  table: string;
  name: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: string;
  onUpdate: string;
}

interface Catalog {
  tables: string[];
  columns: Column[];
  enums: Map<string, string[]>;
  indexes: Index[];
  foreignKeys: ForeignKey[];
}

async function readCatalog(db: pg.ClientBase): Promise<Catalog> {
  const tables = await db.query<{ name: string }>(`
    SELECT c.relname::text AS name
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
     ORDER BY 1`);
  const columns = await db.query<Column>(`
    SELECT c.relname::text AS table, a.attname::text AS name, format_type(a.atttypid, a.atttypmod) AS type,
           a.attnotnull AS "notNull",
           CASE WHEN a.attgenerated <> '' THEN 'GENERATED ALWAYS AS (' || pg_get_expr(d.adbin, d.adrelid) || ')'
                WHEN a.attidentity <> '' THEN 'GENERATED AS IDENTITY'
                ELSE pg_get_expr(d.adbin, d.adrelid) END AS default
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
     ORDER BY c.relname, a.attnum`);
  const enums = await db.query<{ name: string; values: string[] }>(`
    SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
      FROM pg_type t
      JOIN pg_enum e ON e.enumtypid = t.oid
      JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = 'public'
     GROUP BY t.typname
     ORDER BY 1`);
  const indexes = await db.query<Index>(`
    SELECT t.relname::text AS table, i.relname::text AS name,
           array(SELECT a.attname::text
                   FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                   LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
                  WHERE k.ord <= x.indnkeyatts
                  ORDER BY k.ord) AS columns,
           x.indisunique AS unique, x.indisprimary AS primary, am.amname::text AS method,
           x.indpred IS NOT NULL AS partial, 0 = ALL (x.indoption::int2[]) AS ascending
      FROM pg_index x
      JOIN pg_class t ON t.oid = x.indrelid
      JOIN pg_class i ON i.oid = x.indexrelid
      JOIN pg_am am ON am.oid = i.relam
      JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = 'public'
     ORDER BY t.relname, i.relname`);
  const foreignKeys = await db.query<ForeignKey>(`
    SELECT t.relname::text AS table, con.conname::text AS name,
           array(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
           replace(con.confrelid::regclass::text, '"', '') AS "referencedTable",
           array(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS "referencedColumns",
           con.confdeltype::text AS "onDelete", con.confupdtype::text AS "onUpdate"
      FROM pg_constraint con
      JOIN pg_class t ON t.oid = con.conrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE con.contype = 'f' AND n.nspname = 'public'
     ORDER BY t.relname, con.conname`);
  return {
    tables: tables.rows.map((r) => r.name),
    columns: columns.rows,
    enums: new Map(enums.rows.map((r) => [r.name, r.values])),
    indexes: indexes.rows,
    foreignKeys: foreignKeys.rows,
  };
}

/** pg_constraint.confdeltype / confupdtype codes. */
const ACTION_CODES: Record<ReferentialAction, string> = {
  Cascade: "c",
  Restrict: "r",
  NoAction: "a",
  SetNull: "n",
  SetDefault: "d",
};
const ACTION_SQL: Record<string, string> = { c: "CASCADE", r: "RESTRICT", a: "NO ACTION", n: "SET NULL", d: "SET DEFAULT" };

/** The column type Prisma Migrate creates for a field, as `format_type` prints it (without quotes). */
function expectedType(model: Model, field: Field): string {
  const native = field.nativeType;
  const spelled = native ? `${field.type} @db.${native.name}(${native.args.join(", ")})` : field.type;
  let base: string | undefined;
  if (field.kind === "enum") base = field.type;
  else if (!native) base = { String: "text", Int: "integer", BigInt: "bigint", Boolean: "boolean", Json: "jsonb", Bytes: "bytea", DateTime: "timestamp(3) without time zone" }[field.type];
  else if (field.type === "String" && native.name === "Uuid" && native.args.length === 0) base = "uuid";
  else if (field.type === "DateTime" && native.name === "Date" && native.args.length === 0) base = "date";
  else if (field.type === "DateTime" && native.name === "Timestamptz" && native.args.length === 1) base = `timestamp(${native.args[0]}) with time zone`;
  if (base === undefined) {
    throw new Error(`${model.name}.${field.name}: the drift test does not know what column Prisma creates for ${spelled}; teach expectedType`);
  }
  return field.list ? `${base}[]` : base;
}

const tuple = (columns: readonly (string | null)[]) => `(${columns.map((c) => c ?? "<expression>").join(", ")})`;
const sameList = (a: readonly (string | null)[], b: readonly (string | null)[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const nullability = (nullable: boolean) => (nullable ? "nullable" : "NOT NULL");

function compareColumns(model: Model, columns: Column[], problems: string[]): void {
  const fields = scalarFields(model);
  for (const field of fields) {
    const where = `${model.name}.${field.name}`;
    const column = columns.find((c) => c.name === field.name);
    if (!column) {
      problems.push(`${where}: schema has the field, database has no such column`);
      continue;
    }
    // Prisma Migrate creates scalar lists without NOT NULL.
    const wanted = `${nullability(field.optional || field.list)} ${expectedType(model, field)}`;
    const actual = `${nullability(!column.notNull)} ${column.type.replaceAll('"', "")}`;
    if (wanted !== actual) problems.push(`${where}: schema says ${wanted}, database has ${actual}`);
    if (field.default !== null && column.default === null) {
      problems.push(`${where}: schema has @default(${field.default}), database has no default`);
    } else if (field.default === null && column.default !== null) {
      problems.push(`${where}: schema has no @default, database has DEFAULT ${column.default}`);
    }
  }
  for (const column of columns) {
    if (!fields.some((f) => f.name === column.name)) {
      problems.push(`${model.name}.${column.name}: database has a column no field describes (${nullability(!column.notNull)} ${column.type})`);
    }
  }
}

/** A btree index over exactly these columns, in order, without expressions, predicate or DESC. */
function isPlainIndexOn(index: Index, columns: string[]): boolean {
  return index.method === "btree" && !index.partial && index.ascending && sameList(index.columns, columns);
}

function compareKeysAndIndexes(model: Model, indexes: Index[], problems: string[]): void {
  const primary = indexes.find((i) => i.primary);
  if (!primary) {
    if (model.primaryKey.length > 0) problems.push(`${model.name}: schema says primary key ${tuple(model.primaryKey)}, database has none`);
  } else if (!sameList(primary.columns, model.primaryKey)) {
    const wanted = model.primaryKey.length > 0 ? tuple(model.primaryKey) : "none";
    problems.push(`${model.name}: schema says primary key ${wanted}, database has ${tuple(primary.columns)}`);
  }
  for (const columns of model.uniques) {
    if (!indexes.some((i) => i.unique && !i.primary && isPlainIndexOn(i, columns))) {
      problems.push(`${model.name}: schema says ${tuple(columns)} is unique, database has no unique btree index on exactly ${tuple(columns)}`);
    }
  }
  for (const columns of model.indexes) {
    if (!indexes.some((i) => !i.unique && isPlainIndexOn(i, columns))) {
      problems.push(`${model.name}: schema has @@index([${columns.join(", ")}]), database has no non-unique btree index on exactly ${tuple(columns)}`);
    }
  }
}

function compareForeignKeys(model: Model, foreignKeys: ForeignKey[], problems: string[]): void {
  const declared = new Set<ForeignKey>();
  for (const field of model.fields) {
    const relation = field.relation;
    if (!relation || relation.fields.length === 0) continue;
    const where = `${model.name}.${field.name}`;
    const wanted = `${tuple(relation.fields)} → ${field.type}${tuple(relation.references)}`;
    const fk = foreignKeys.find((k) => sameList(k.columns, relation.fields));
    if (!fk) {
      problems.push(`${where}: schema declares foreign key ${wanted}, database has none on ${tuple(relation.fields)}`);
      continue;
    }
    declared.add(fk);
    const actual = `${tuple(fk.columns)} → ${fk.referencedTable}${tuple(fk.referencedColumns)}`;
    if (actual !== wanted) problems.push(`${where}: schema says foreign key ${wanted}, database has ${actual}`);
    // Prisma's defaults when the schema names no action.
    const onDelete = ACTION_CODES[relation.onDelete ?? (field.optional ? "SetNull" : "Restrict")];
    const onUpdate = ACTION_CODES[relation.onUpdate ?? "Cascade"];
    if (fk.onDelete !== onDelete) {
      problems.push(`${where}: schema says ON DELETE ${ACTION_SQL[onDelete]}, database has ON DELETE ${ACTION_SQL[fk.onDelete] ?? fk.onDelete}`);
    }
    if (fk.onUpdate !== onUpdate) {
      problems.push(`${where}: schema says ON UPDATE ${ACTION_SQL[onUpdate]}, database has ON UPDATE ${ACTION_SQL[fk.onUpdate] ?? fk.onUpdate}`);
    }
  }
  for (const fk of foreignKeys) {
    if (!declared.has(fk)) {
      problems.push(
        `${model.name}: database has foreign key ${fk.name} ${tuple(fk.columns)} → ${fk.referencedTable}${tuple(fk.referencedColumns)} that no @relation declares`,
      );
    }
  }
}

function compareEnums(schema: PrismaSchema, enums: Map<string, string[]>, problems: string[]): void {
  for (const [name, values] of Object.entries(schema.enums)) {
    const actual = enums.get(name);
    if (!actual) problems.push(`enum ${name}: schema declares it, database has no such enum type`);
    else if (!sameList(actual, values)) problems.push(`enum ${name}: schema says ${tuple(values)}, database has ${tuple(actual)}`);
  }
  for (const name of enums.keys()) {
    if (!Object.hasOwn(schema.enums, name)) problems.push(`enum ${name}: database has it, schema does not declare it`);
  }
}

/** Every difference between the schema and the database, in one list so one run shows them all. */
function findDrift(schema: PrismaSchema, catalog: Catalog): string[] {
  const problems: string[] = [];
  const expectedTables = new Set([...schema.models.map((m) => m.name), "_prisma_migrations"]);
  for (const model of schema.models) {
    if (!catalog.tables.includes(model.name)) {
      problems.push(`${model.name}: schema has the model, database has no such table`);
      continue;
    }
    const onTable = <T extends { table: string }>(rows: T[]) => rows.filter((r) => r.table === model.name);
    compareColumns(model, onTable(catalog.columns), problems);
    compareKeysAndIndexes(model, onTable(catalog.indexes), problems);
    compareForeignKeys(model, onTable(catalog.foreignKeys), problems);
  }
  for (const table of catalog.tables) {
    if (!expectedTables.has(table)) problems.push(`${table}: database has a table no model describes`);
  }
  compareEnums(schema, catalog.enums, problems);
  return problems;
}

const EXCLUSION_CONSTRAINTS = ["Appointment_therapist_no_overlap", "Appointment_patient_no_overlap"];
const TRIGGERS = ["Appointment_room_capacity", "Appointment_board_insert_delete", "Appointment_board_update"];

/** The invariants only the migration's SQL can express, which Prisma would never notice missing. */
async function findMissingInvariants(db: pg.ClientBase): Promise<string[]> {
  const problems: string[] = [];
  const exclusions = await db.query<{ name: string; type: string; validated: boolean }>(
    `SELECT conname::text AS name, contype::text AS type, convalidated AS validated
       FROM pg_constraint WHERE conrelid = '"Appointment"'::regclass AND conname = ANY($1)`,
    [EXCLUSION_CONSTRAINTS],
  );
  for (const name of EXCLUSION_CONSTRAINTS) {
    const row = exclusions.rows.find((r) => r.name === name);
    if (!row) problems.push(`Appointment: database has no constraint ${name}`);
    else if (row.type !== "x") problems.push(`Appointment: ${name} should be an exclusion constraint, database has contype '${row.type}'`);
    else if (!row.validated) problems.push(`Appointment: ${name} is not validated`);
  }
  const triggers = await db.query<{ name: string; enabled: string }>(
    `SELECT tgname::text AS name, tgenabled::text AS enabled
       FROM pg_trigger WHERE tgrelid = '"Appointment"'::regclass AND NOT tgisinternal AND tgname = ANY($1)`,
    [TRIGGERS],
  );
  for (const name of TRIGGERS) {
    const row = triggers.rows.find((r) => r.name === name);
    if (!row) problems.push(`Appointment: database has no trigger ${name}`);
    else if (row.enabled === "D") problems.push(`Appointment: trigger ${name} is disabled`);
  }
  return problems;
}

describe("prisma/schema.prisma and the migrated database", () => {
  const schema = parsePrismaSchema(readFileSync(SCHEMA_PATH, "utf8"));
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });

  beforeAll(async () => {
    await db.connect();
  });

  afterAll(async () => {
    await db.end();
  });

  it("agree on tables, columns, types, defaults, enums, keys, indexes and foreign keys", async () => {
    expect(findDrift(schema, await readCatalog(db))).toEqual([]);
  });

  it("has the exclusion constraints and trigger that live only in SQL", async () => {
    expect(await findMissingInvariants(db)).toEqual([]);
  });

  it("reports a schema the database does not match", async () => {
    const edited = structuredClone(schema);
    const model = (name: string) => edited.models.find((m) => m.name === name) ?? expect.unreachable(`no model ${name}`);
    const room = model("Room");
    room.fields = room.fields.filter((f) => f.name !== "active");
    room.primaryKey = ["id", "name"];
    room.uniques.push(["name"]);
    const location = room.fields.find((f) => f.name === "location")?.relation ?? expect.unreachable("no Room.location");
    location.references = ["slug"];
    const appointment = model("Appointment");
    appointment.fields = appointment.fields.filter((f) => f.name !== "rescheduledFrom");
    edited.models.push({ name: "Ghost", fields: room.fields.filter((f) => f.name === "id"), primaryKey: ["id"], uniques: [], indexes: [] });
    edited.enums.Ghost = ["BOO"];
    delete edited.enums.Language;

    expect(findDrift(edited, await readCatalog(db))).toEqual([
      "Room.active: database has a column no field describes (NOT NULL boolean)",
      "Room: schema says primary key (id, name), database has (id)",
      "Room: schema says (name) is unique, database has no unique btree index on exactly (name)",
      "Room.location: schema says foreign key (locationId) → Location(slug), database has (locationId) → Location(id)",
      "Appointment: database has foreign key Appointment_rescheduledFromId_fkey (rescheduledFromId) → Appointment(id) that no @relation declares",
      "Ghost: schema has the model, database has no such table",
      "enum Ghost: schema declares it, database has no such enum type",
      "enum Language: database has it, schema does not declare it",
    ]);
  });

  it("reports drift, and leaves the database as it was", async () => {
    await db.query("BEGIN");
    try {
      await db.query(`ALTER TABLE "Room" ADD COLUMN "extra" text`);
      await db.query(`ALTER TABLE "Room" ALTER COLUMN "name" DROP NOT NULL, ALTER COLUMN "capacity" DROP DEFAULT`);
      await db.query(`ALTER TABLE "Appointment" ALTER COLUMN "reasonText" TYPE varchar(200)`);
      await db.query(`ALTER TABLE "Appointment" DROP CONSTRAINT "Appointment_roomId_fkey",
        ADD CONSTRAINT "Appointment_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
      await db.query(`DROP INDEX "Patient_phone_idx"`);
      await db.query(`ALTER TYPE "BlockKind" ADD VALUE 'SICK'`);
      await db.query(`DROP TRIGGER "Appointment_room_capacity" ON "Appointment"`);

      expect(findDrift(schema, await readCatalog(db))).toEqual([
        "Room.name: schema says NOT NULL text, database has nullable text",
        "Room.capacity: schema has @default(1), database has no default",
        "Room.extra: database has a column no field describes (nullable text)",
        "Patient: schema has @@index([phone]), database has no non-unique btree index on exactly (phone)",
        "Appointment.reasonText: schema says nullable text, database has nullable character varying(200)",
        "Appointment.room: schema says ON DELETE SET NULL, database has ON DELETE CASCADE",
        "enum BlockKind: schema says (TIME_OFF, BLOCKED), database has (TIME_OFF, BLOCKED, SICK)",
      ]);
      expect(await findMissingInvariants(db)).toEqual(["Appointment: database has no trigger Appointment_room_capacity"]);
    } finally {
      await db.query("ROLLBACK");
    }
    expect(findDrift(schema, await readCatalog(db))).toEqual([]);
    expect(await findMissingInvariants(db)).toEqual([]);
  });
});
