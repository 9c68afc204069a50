// Writes a copy of the OpenAPI document without the operations that answer an endless event stream
// (text/event-stream only): a generated method would wait for a body that never ends. Those are read with EventSource
// or, for notifications, the hub helper (src/notifications.ts). Usage: node without-streams.mjs <in.json> <out.json>
import { readFileSync, writeFileSync } from "node:fs";

const [input, output] = process.argv.slice(2);
const document = JSON.parse(readFileSync(input, "utf8"));
for (const [path, operations] of Object.entries(document.paths ?? {})) {
  for (const [method, operation] of Object.entries(operations)) {
    const types = Object.keys(operation?.responses?.["200"]?.content ?? {});
    if (types.length === 1 && types[0] === "text/event-stream") delete operations[method];
  }
  if (Object.keys(operations).length === 0) delete document.paths[path];
}
writeFileSync(output, JSON.stringify(document, null, 2));
