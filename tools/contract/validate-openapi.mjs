// Validates an OpenAPI document with @apidevtools/swagger-parser (the structure against the official
// OpenAPI 3.0 schema, every $ref resolved, the spec's own rules such as unique operation ids).
// Usage: node tools/contract/validate-openapi.mjs docs/api/openapi.yaml
// Exit 0 and one line when valid; exit 1 and the validator's message otherwise; exit 2 on a usage error.
let SwaggerParser;
try {
  ({ default: SwaggerParser } = await import("@apidevtools/swagger-parser"));
} catch {
  console.error("@apidevtools/swagger-parser is not installed in tools/contract: run packaging/install-deps.sh");
  process.exit(1);
}

const file = process.argv[2];
if (!file || process.argv.length > 3) {
  console.error("usage: node validate-openapi.mjs OPENAPI.yaml");
  process.exit(2);
}
try {
  const api = await SwaggerParser.validate(file);
  const operations = Object.values(api.paths).reduce((n, item) => n + Object.keys(item).length, 0);
  console.log(`${file}: valid OpenAPI ${api.openapi}, "${api.info.title}" ${api.info.version}, ${operations} operations`);
} catch (error) {
  console.error(`${file}: INVALID: ${error.message}`);
  process.exit(1);
}
