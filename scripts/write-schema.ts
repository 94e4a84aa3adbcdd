// Writes plan.schema.json from the zod schemas (npm run schema); a test keeps the file in sync.
import { writeFileSync } from "node:fs";
import { planSchemaText } from "../src/model/schema.ts";

writeFileSync(new URL("../plan.schema.json", import.meta.url), planSchemaText());
