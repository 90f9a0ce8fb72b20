// A parser for the subset of the Prisma schema language prisma/schema.prisma
// uses, so the drift test can read the schema without Prisma's schema engine
// (which cannot be downloaded here). Anything outside the subset throws: a
// construct that was skipped or half-understood would hide drift instead of
// reporting it.

export type ReferentialAction = "Cascade" | "Restrict" | "NoAction" | "SetNull" | "SetDefault";

export interface Relation {
  /** The relation's name, needed when two models are related more than once. */
  name: string | null;
  /** Empty on the side of a relation that holds no foreign key. */
  fields: string[];
  references: string[];
  onDelete: ReferentialAction | null;
  onUpdate: ReferentialAction | null;
}

export interface NativeType {
  /** `Timestamptz` for `@db.Timestamptz(3)`. */
  name: string;
  args: string[];
}

/** `relation` fields (typed by another model) are not columns. */
export type FieldKind = "scalar" | "enum" | "relation";

export interface Field {
  name: string;
  type: string;
  kind: FieldKind;
  optional: boolean;
  list: boolean;
  id: boolean;
  unique: boolean;
  /** The text inside `@default(...)`, e.g. `now()` or `[CLINIC]`. */
  default: string | null;
  updatedAt: boolean;
  nativeType: NativeType | null;
  relation: Relation | null;
}

export interface Model {
  name: string;
  fields: Field[];
  /** From `@id` or `@@id`; empty when the model has neither. */
  primaryKey: string[];
  /** Every unique column set: each `@unique` field, then each `@@unique`. */
  uniques: string[][];
  indexes: string[][];
}

export interface PrismaSchema {
  /** Values in declaration order. */
  enums: Record<string, string[]>;
  models: Model[];
}

export const SCALAR_TYPES: ReadonlySet<string> = new Set([
  "String",
  "Int",
  "BigInt",
  "Float",
  "Decimal",
  "Boolean",
  "DateTime",
  "Json",
  "Bytes",
]);

const REFERENTIAL_ACTIONS: ReadonlySet<string> = new Set<ReferentialAction>(["Cascade", "Restrict", "NoAction", "SetNull", "SetDefault"]);

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export class PrismaSchemaError extends Error {
  constructor(line: number | null, message: string) {
    super(line === null ? `schema.prisma: ${message}` : `schema.prisma line ${line}: ${message}`);
    this.name = "PrismaSchemaError";
  }
}

export function parsePrismaSchema(text: string): PrismaSchema {
  const enums: Record<string, string[]> = {};
  const models: Model[] = [];
  const declaredAt = new Map<string, number>();
  let block: { kind: "enum" | "model" | "config"; name: string } | null = null;
  let model: Model | null = null;

  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const lineNo = index + 1;
    const line = stripComment(raw, lineNo).trim();
    if (line === "") continue;

    if (block === null) {
      const header = /^(\w+)\s+(\w+)\s*\{$/.exec(line);
      if (!header) throw new PrismaSchemaError(lineNo, `expected a block such as "model Name {", got "${line}"`);
      const [, keyword = "", name = ""] = header;
      if (keyword === "generator" || keyword === "datasource") {
        block = { kind: "config", name };
        continue;
      }
      if (keyword !== "model" && keyword !== "enum") {
        throw new PrismaSchemaError(lineNo, `"${keyword}" blocks are not supported`);
      }
      const previous = declaredAt.get(name);
      if (previous !== undefined) throw new PrismaSchemaError(lineNo, `"${name}" is already declared on line ${previous}`);
      declaredAt.set(name, lineNo);
      block = { kind: keyword, name };
      if (keyword === "enum") {
        enums[name] = [];
      } else {
        model = { name, fields: [], primaryKey: [], uniques: [], indexes: [] };
        models.push(model);
      }
      continue;
    }

    if (line === "}") {
      block = null;
      model = null;
    } else if (block.kind === "enum") {
      parseEnumValue(line, lineNo, block.name, enums);
    } else if (block.kind === "model" && model !== null) {
      if (line.startsWith("@@")) parseBlockAttribute(line, lineNo, model);
      else parseField(line, lineNo, model);
    }
  }

  if (block !== null) throw new PrismaSchemaError(lines.length, `block "${block.name}" is not closed`);
  resolveKinds(enums, models);
  return { enums, models };
}

/** The fields that are columns of the model's table, in declaration order. */
export function scalarFields(model: Model): Field[] {
  return model.fields.filter((f) => f.kind !== "relation");
}

function stripComment(line: string, lineNo: number): string {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === "/" && line[i + 1] === "/") {
      return line.slice(0, i);
    }
  }
  if (inString) throw new PrismaSchemaError(lineNo, "unterminated string");
  return line;
}

function parseEnumValue(line: string, lineNo: number, enumName: string, enums: Record<string, string[]>): void {
  if (!IDENTIFIER.test(line)) {
    throw new PrismaSchemaError(lineNo, `enum ${enumName}: expected a bare value, got "${line}" (@map and @@map are not supported)`);
  }
  const values = enums[enumName] ?? [];
  if (values.includes(line)) throw new PrismaSchemaError(lineNo, `enum ${enumName}: duplicate value ${line}`);
  values.push(line);
}

function parseField(line: string, lineNo: number, model: Model): void {
  const match = /^(\w+)\s+(\w+)(\?|\[\])?(?:\s+(.*))?$/.exec(line);
  if (!match) throw new PrismaSchemaError(lineNo, `${model.name}: expected "name Type attributes…", got "${line}"`);
  const [, name = "", type = "", modifier, rest = ""] = match;
  const where = `${model.name}.${name}`;
  if (model.fields.some((f) => f.name === name)) throw new PrismaSchemaError(lineNo, `${where} is declared twice`);

  const field: Field = {
    name,
    type,
    kind: "scalar",
    optional: modifier === "?",
    list: modifier === "[]",
    id: false,
    unique: false,
    default: null,
    updatedAt: false,
    nativeType: null,
    relation: null,
  };
  for (const attribute of scanAttributes(rest, lineNo, "@")) {
    const noArgs = () => {
      if (attribute.args !== null) throw new PrismaSchemaError(lineNo, `${where}: @${attribute.name} takes no arguments here`);
    };
    if (attribute.name.startsWith("db.")) {
      if (field.nativeType) throw new PrismaSchemaError(lineNo, `${where} has two native types`);
      field.nativeType = { name: attribute.name.slice(3), args: attribute.args === null ? [] : splitTopLevel(attribute.args) };
      continue;
    }
    switch (attribute.name) {
      case "id":
        noArgs();
        field.id = true;
        break;
      case "unique":
        noArgs();
        field.unique = true;
        break;
      case "updatedAt":
        noArgs();
        field.updatedAt = true;
        break;
      case "default":
        if (attribute.args === null || attribute.args.trim() === "") throw new PrismaSchemaError(lineNo, `${where}: @default needs a value`);
        field.default = attribute.args.trim();
        break;
      case "relation":
        field.relation = parseRelation(attribute.args ?? "", lineNo, where);
        break;
      case "map":
        throw new PrismaSchemaError(lineNo, `${where}: @map is not supported; the drift test compares field names with column names`);
      default:
        throw new PrismaSchemaError(lineNo, `${where}: @${attribute.name} is not supported`);
    }
  }
  if (field.id) {
    if (model.primaryKey.length > 0) throw new PrismaSchemaError(lineNo, `${model.name} has more than one primary key`);
    model.primaryKey = [name];
  }
  if (field.unique) model.uniques.push([name]);
  model.fields.push(field);
}

function parseRelation(args: string, lineNo: number, where: string): Relation {
  const relation: Relation = { name: null, fields: [], references: [], onDelete: null, onUpdate: null };
  let hasReferences = false;
  splitTopLevel(args).forEach((arg, position) => {
    const named = /^(\w+)\s*:\s*(.*)$/s.exec(arg);
    if (!named) {
      if (position !== 0) throw new PrismaSchemaError(lineNo, `${where}: unexpected @relation argument "${arg}"`);
      relation.name = parseString(arg, lineNo, where);
      return;
    }
    const [, key = "", value = ""] = named;
    switch (key) {
      case "name":
        relation.name = parseString(value, lineNo, where);
        break;
      case "fields":
        relation.fields = parseIdentifierList(value, lineNo, where);
        break;
      case "references":
        relation.references = parseIdentifierList(value, lineNo, where);
        hasReferences = true;
        break;
      case "onDelete":
        relation.onDelete = parseAction(value, lineNo, where);
        break;
      case "onUpdate":
        relation.onUpdate = parseAction(value, lineNo, where);
        break;
      default:
        throw new PrismaSchemaError(lineNo, `${where}: @relation(${key}: …) is not supported`);
    }
  });
  if (relation.fields.length !== relation.references.length || (hasReferences && relation.fields.length === 0)) {
    throw new PrismaSchemaError(lineNo, `${where}: @relation needs as many references as fields`);
  }
  return relation;
}

function parseBlockAttribute(line: string, lineNo: number, model: Model): void {
  const attributes = scanAttributes(line, lineNo, "@@");
  const attribute = attributes[0];
  if (attributes.length !== 1 || attribute === undefined) {
    throw new PrismaSchemaError(lineNo, `${model.name}: expected one block attribute per line`);
  }
  const where = `${model.name} @@${attribute.name}`;
  if (attribute.name === "map") {
    throw new PrismaSchemaError(lineNo, `${model.name}: @@map is not supported; the drift test compares model names with table names`);
  }
  if (attribute.name !== "id" && attribute.name !== "unique" && attribute.name !== "index") {
    throw new PrismaSchemaError(lineNo, `${model.name}: @@${attribute.name} is not supported`);
  }
  const args = splitTopLevel(attribute.args ?? "");
  const [list] = args;
  if (args.length !== 1 || list === undefined) {
    throw new PrismaSchemaError(lineNo, `${where}: expected exactly one field list (name, map, sort and type are not supported)`);
  }
  const columns = parseIdentifierList(list, lineNo, where);
  if (columns.length === 0) throw new PrismaSchemaError(lineNo, `${where}: empty field list`);
  if (attribute.name === "id") {
    if (model.primaryKey.length > 0) throw new PrismaSchemaError(lineNo, `${model.name} has more than one primary key`);
    model.primaryKey = columns;
  } else if (attribute.name === "unique") {
    model.uniques.push(columns);
  } else {
    model.indexes.push(columns);
  }
}

interface Attribute {
  /** Without the `@`; `db.Uuid` for native types. */
  name: string;
  /** The text between the parentheses, or null without them. */
  args: string | null;
}

function scanAttributes(text: string, lineNo: number, prefix: "@" | "@@"): Attribute[] {
  const attributes: Attribute[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i] ?? "")) {
      i++;
      continue;
    }
    const head = /^(@@?)([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?)/.exec(text.slice(i));
    if (!head || head[1] !== prefix) {
      throw new PrismaSchemaError(lineNo, `expected an attribute starting with ${prefix} at "${text.slice(i)}"`);
    }
    i += head[0].length;
    let args: string | null = null;
    if (text[i] === "(") {
      const end = closingParen(text, i, lineNo);
      args = text.slice(i + 1, end);
      i = end + 1;
    }
    attributes.push({ name: head[2] ?? "", args });
  }
  return attributes;
}

/** Index of the `)` matching the `(` at `open`, skipping strings and nested brackets. */
function closingParen(text: string, open: number, lineNo: number): number {
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === "(" || c === "[") {
      depth++;
    } else if (c === ")" || c === "]") {
      depth--;
      if (depth === 0) {
        if (c !== ")") break;
        return i;
      }
    }
  }
  throw new PrismaSchemaError(lineNo, `unbalanced brackets in "${text.slice(open)}"`);
}

/** Splits on commas that are outside strings, parentheses and brackets. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inString = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === "(" || c === "[") {
      depth++;
    } else if (c === ")" || c === "]") {
      depth--;
    } else if (c === "," && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = text.slice(start).trim();
  if (last !== "" || parts.length > 0) parts.push(last);
  return parts;
}

function parseIdentifierList(text: string, lineNo: number, where: string): string[] {
  const inner = /^\[(.*)\]$/s.exec(text.trim());
  if (!inner) throw new PrismaSchemaError(lineNo, `${where}: expected a list like [a, b], got "${text}"`);
  const items = splitTopLevel(inner[1] ?? "");
  for (const item of items) {
    if (!IDENTIFIER.test(item)) {
      throw new PrismaSchemaError(lineNo, `${where}: "${item}" is not a plain field name (sort, length and ops are not supported)`);
    }
  }
  return items;
}

function parseString(text: string, lineNo: number, where: string): string {
  if (!/^"(?:[^"\\]|\\.)*"$/s.test(text)) throw new PrismaSchemaError(lineNo, `${where}: expected a string, got "${text}"`);
  return JSON.parse(text) as string;
}

function parseAction(text: string, lineNo: number, where: string): ReferentialAction {
  if (!REFERENTIAL_ACTIONS.has(text)) throw new PrismaSchemaError(lineNo, `${where}: unknown referential action "${text}"`);
  return text as ReferentialAction;
}

/** Runs once every block is read, since a field may name a model declared below it. */
function resolveKinds(enums: Record<string, string[]>, models: Model[]): void {
  const byName = new Map(models.map((m) => [m.name, m]));
  for (const model of models) {
    for (const field of model.fields) {
      const where = `${model.name}.${field.name}`;
      if (SCALAR_TYPES.has(field.type)) field.kind = "scalar";
      else if (Object.hasOwn(enums, field.type)) field.kind = "enum";
      else if (byName.has(field.type)) field.kind = "relation";
      else throw new PrismaSchemaError(null, `${where}: unknown type ${field.type}`);

      if (field.kind === "relation") {
        if (field.id || field.unique || field.default !== null || field.updatedAt || field.nativeType) {
          throw new PrismaSchemaError(null, `${where}: a relation field takes no attributes but @relation`);
        }
      } else if (field.relation) {
        throw new PrismaSchemaError(null, `${where}: @relation on a field that is not typed by a model`);
      }
      if (field.updatedAt && field.type !== "DateTime") throw new PrismaSchemaError(null, `${where}: @updatedAt needs a DateTime field`);
      if (field.nativeType && field.kind !== "scalar") throw new PrismaSchemaError(null, `${where}: @db.${field.nativeType.name} on an enum`);
    }

    const columns = new Set(scalarFields(model).map((f) => f.name));
    const requireColumns = (names: string[], what: string) => {
      for (const name of names) {
        if (!columns.has(name)) throw new PrismaSchemaError(null, `${model.name}: ${what} names ${name}, which is not a scalar field of ${model.name}`);
      }
    };
    requireColumns(model.primaryKey, "the primary key");
    model.uniques.forEach((u) => requireColumns(u, "@@unique"));
    model.indexes.forEach((i) => requireColumns(i, "@@index"));
    for (const field of model.fields) {
      if (!field.relation || field.relation.fields.length === 0) continue;
      requireColumns(field.relation.fields, `@relation on ${field.name}`);
      const target = byName.get(field.type);
      const targetColumns = new Set(target ? scalarFields(target).map((f) => f.name) : []);
      for (const reference of field.relation.references) {
        if (!targetColumns.has(reference)) {
          throw new PrismaSchemaError(null, `${model.name}.${field.name}: @relation references ${field.type}.${reference}, which is not a scalar field`);
        }
      }
    }
  }
}
