// Writes src/openapi.ts from openapi/openapi.json (openapi-typescript); with --check, fails
// instead when the committed file differs from what the document generates now.
import { readFile, writeFile } from "node:fs/promises";
import openapiTS, { astToString } from "openapi-typescript";

const documentUrl = new URL("../../../../openapi/openapi.json", import.meta.url);
const targetUrl = new URL("../src/openapi.ts", import.meta.url);
const header =
  "// GENERATED from openapi/openapi.json by openapi-typescript: do not edit.\n" +
  "// Regenerate with `npm run generate` (after `make openapi`); `npm run check` compares.\n\n";

const ast = await openapiTS(JSON.parse(await readFile(documentUrl, "utf8")));
const generated = header + astToString(ast);

if (process.argv.includes("--check")) {
  const committed = await readFile(targetUrl, "utf8").catch(() => "");
  if (committed !== generated) {
    console.error(
      "clients/typescript/types/src/openapi.ts is out of date with openapi/openapi.json:\n" +
        "run `npm run generate` and commit the result.",
    );
    process.exit(1);
  }
  console.log("@pixecom/types matches openapi/openapi.json");
} else {
  await writeFile(targetUrl, generated);
  console.log("wrote clients/typescript/types/src/openapi.ts");
}
