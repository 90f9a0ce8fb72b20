import { describe, expect, it } from "vitest";
import { parsePrismaSchema, scalarFields, type Model } from "./prisma-schema";

const CONFIG = `
generator client {
  provider = "prisma-client"
  output   = "../generated"
}

datasource db {
  provider = "postgresql"
}
`;

function model(text: string, name: string): Model {
  const found = parsePrismaSchema(text).models.find((m) => m.name === name);
  if (!found) throw new Error(`no model ${name}`);
  return found;
}

describe("parsePrismaSchema", () => {
  it("reads enum values in order and skips both kinds of comment", () => {
    const schema = parsePrismaSchema(`${CONFIG}
      /// How a visit happens.
      enum VisitMode {
        CLINIC // in the clinic
        HOME
        /// over video
        VIDEO
      }
    `);
    expect(schema).toEqual({ enums: { VisitMode: ["CLINIC", "HOME", "VIDEO"] }, models: [] });
  });

  it("reads fields with their modifiers and attributes, and tells columns from relation fields", () => {
    const text = `${CONFIG}
      enum Mode {
        A
        B
      }

      model Location {
        id        String   @id @default(dbgenerated("gen_random_uuid()")) @db.Uuid
        site      String   @default("https://example.com/a,b") // a comma and // inside a string
        modes     Mode[]   @default([A])
        nickname  String?
        updatedAt DateTime @updatedAt @db.Timestamptz(3)
        rooms     Room[]
      }

      model Room {
        id         Int    @id
        locationId String @db.Uuid
        location   Location @relation(fields: [locationId], references: [id], onDelete: Cascade)
      }
    `;
    const location = model(text, "Location");
    expect(location.fields.map((f) => [f.name, f.kind, f.optional, f.list])).toEqual([
      ["id", "scalar", false, false],
      ["site", "scalar", false, false],
      ["modes", "enum", false, true],
      ["nickname", "scalar", true, false],
      ["updatedAt", "scalar", false, false],
      ["rooms", "relation", false, true],
    ]);
    expect(scalarFields(location).map((f) => f.name)).toEqual(["id", "site", "modes", "nickname", "updatedAt"]);
    expect(location.fields[0]).toMatchObject({ id: true, default: 'dbgenerated("gen_random_uuid()")', nativeType: { name: "Uuid", args: [] } });
    expect(location.fields[1]?.default).toBe('"https://example.com/a,b"');
    expect(location.fields[2]?.default).toBe("[A]");
    expect(location.fields[4]).toMatchObject({ updatedAt: true, default: null, nativeType: { name: "Timestamptz", args: ["3"] } });
    expect(location.primaryKey).toEqual(["id"]);

    expect(model(text, "Room").fields[2]?.relation).toEqual({
      name: null,
      fields: ["locationId"],
      references: ["id"],
      onDelete: "Cascade",
      onUpdate: null,
    });
  });

  it("reads block attributes, field-level @unique and named self-relations", () => {
    const appointment = model(
      `${CONFIG}
      model Appointment {
        therapistId       String
        startsAt          DateTime
        token             String       @unique
        rescheduledFromId String?      @unique
        rescheduledFrom   Appointment? @relation("Reschedule", fields: [rescheduledFromId], references: [therapistId], onDelete: SetNull)
        rescheduledTo     Appointment? @relation("Reschedule")

        @@id([therapistId, startsAt])
        @@unique([startsAt, token])
        @@index([startsAt])
      }
    `,
      "Appointment",
    );
    expect(appointment.primaryKey).toEqual(["therapistId", "startsAt"]);
    expect(appointment.uniques).toEqual([["token"], ["rescheduledFromId"], ["startsAt", "token"]]);
    expect(appointment.indexes).toEqual([["startsAt"]]);
    expect(appointment.fields.find((f) => f.name === "rescheduledFrom")?.relation).toMatchObject({ name: "Reschedule", onDelete: "SetNull" });
    expect(appointment.fields.find((f) => f.name === "rescheduledTo")?.relation).toEqual({
      name: "Reschedule",
      fields: [],
      references: [],
      onDelete: null,
      onUpdate: null,
    });
  });

  it("fails loudly on what it does not understand rather than mis-reading it", () => {
    const inModel = (body: string) => () => parsePrismaSchema(`model M {\n  id Int @id\n  ${body}\n}`);
    expect(inModel(`name String @map("full_name")`)).toThrow(/line 3: M\.name: @map is not supported/);
    expect(inModel(`@@map("m")`)).toThrow(/line 3: M: @@map is not supported/);
    expect(inModel(`name String @db.VarChar(10) @ignore`)).toThrow(/@ignore is not supported/);
    expect(inModel(`@@index([nope])`)).toThrow(/@@index names nope, which is not a scalar field of M/);
    expect(inModel(`@@index([id(sort: Desc)])`)).toThrow(/not a plain field name/);
    expect(inModel(`@@unique([id], name: "x")`)).toThrow(/expected exactly one field list/);
    expect(inModel(`other Unknown`)).toThrow(/M\.other: unknown type Unknown/);
    expect(inModel(`key String @id`)).toThrow(/more than one primary key/);
    expect(() => parsePrismaSchema(`enum E {\n  A @map("a")\n}`)).toThrow(/line 2: enum E: expected a bare value/);
    expect(() => parsePrismaSchema(`view V {\n  id Int\n}`)).toThrow(/"view" blocks are not supported/);
    expect(() => parsePrismaSchema(`model M {\n  id Int @id\n`)).toThrow(/block "M" is not closed/);
  });
});
