// Validates a SARIF file against the SARIF 2.1.0 JSON schema.
// Usage: NODE_PATH=<node_modules> node validate-sarif.js SCHEMA FILE
const fs = require("fs");
const Ajv = require("ajv-draft-04"); // the SARIF schema is JSON Schema draft 4
const addFormats = require("ajv-formats");
const [schemaPath, file] = process.argv.slice(2);
// unicodeRegExp off: one pattern in the published schema is not valid in
// JavaScript's unicode mode.
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")));
if (!validate(JSON.parse(fs.readFileSync(file, "utf8")))) {
  console.error(JSON.stringify(validate.errors, null, 2));
  process.exit(1);
}
console.log("valid");
