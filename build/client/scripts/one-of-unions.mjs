// NSwag types a property whose schema is a oneOf of several schemas as the first of them only. This rewrites each such
// property of the generated interfaces as the union of all of them, so that, for example, a change's data reads
// Contact | Deal | Task rather than Contact. Usage: node one-of-unions.mjs <openapi.json> <client.ts>
import { readFileSync, writeFileSync } from "node:fs";

const [documentPath, clientPath] = process.argv.slice(2);
const schemas = JSON.parse(readFileSync(documentPath, "utf8")).components?.schemas ?? {};
let client = readFileSync(clientPath, "utf8");
for (const [schemaName, schema] of Object.entries(schemas)) {
  for (const [property, definition] of Object.entries(schema.properties ?? {})) {
    const names = (definition.oneOf ?? []).map((s) => s.$ref?.split("/").pop()).filter(Boolean);
    if (names.length < 2) continue;
    const union = names.join(" | ") + (definition.nullable ? " | null" : "");
    const start = client.indexOf(`export interface ${schemaName} {`);
    const end = client.indexOf("\n}", start);
    if (start < 0 || end < 0) throw new Error(`interface ${schemaName} not found in ${clientPath}`);
    const body = client.slice(start, end);
    const line = new RegExp(`^(    ${property}\\??: )${names[0]}( \\| null)?;$`, "m");
    if (!line.test(body)) throw new Error(`${schemaName}.${property} is not typed as ${names[0]} in ${clientPath}`);
    client = client.slice(0, start) + body.replace(line, `$1${union};`) + client.slice(end);
  }
}

// The same for a map whose values are a oneOf of plain types (a record's custom_fields): each value is their union.
const plain = (s) => (s.type === "array" ? `${s.items?.type ?? "unknown"}[]` : s.type);
for (const [schemaName, schema] of Object.entries(schemas)) {
  for (const [property, definition] of Object.entries(schema.properties ?? {})) {
    const values = definition.additionalProperties;
    const types = (values?.oneOf ?? []).map(plain).filter(Boolean);
    if (types.length < 2) continue;
    const union = types.join(" | ") + (values.nullable || values.oneOf.some((s) => s.nullable) ? " | null" : "");
    const start = client.indexOf(`export interface ${schemaName} {`);
    const end = client.indexOf("\n}", start);
    if (start < 0 || end < 0) throw new Error(`interface ${schemaName} not found in ${clientPath}`);
    const body = client.slice(start, end);
    const line = new RegExp(`^(    ${property}\\??: \\{ \\[key: string\\]: )[^;]+(; \\}( \\| null)?;)$`, "m");
    if (!line.test(body)) throw new Error(`${schemaName}.${property} is not typed as a map in ${clientPath}`);
    client = client.slice(0, start) + body.replace(line, `$1${union}$2`) + client.slice(end);
  }
}
writeFileSync(clientPath, client);
