// Expands Adaptive Card templates with Microsoft's own adaptivecards-templating package, so the
// .NET tests can compare PmfBot's C# expansion with the official one.
//
// Input (stdin): {"pairs": [{"name": "...", "template": <json>, "data": <json>}, ...]}
// Output (stdout): {"locale": "...", "results": [{"name": "...", "output": <json>,
//   "unresolved": ["path", ...]} | {"name": "...", "error": "message"}, ...]}
//
// "unresolved" lists, in order, the paths the library substituted with a literal "${path}"
// because the data had no value there. A result whose output was undefined has no "output" key.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { Template, GlobalSettings } = require("adaptivecards-templating");

let unresolved = [];
GlobalSettings.getUndefinedFieldValueSubstitutionString = (path) => {
  unresolved.push(path);
  return undefined; // keep the library's default substitution, "${path}"
};

const chunks = [];
for await (const chunk of process.stdin) {
  chunks.push(chunk);
}
const input = JSON.parse(Buffer.concat(chunks).toString("utf8"));

const results = input.pairs.map(({ name, template, data }) => {
  unresolved = [];
  try {
    const output = new Template(template).expand({ $root: data });
    return { name, output, unresolved };
  } catch (e) {
    return { name, error: String(e && e.message ? e.message : e) };
  }
});

process.stdout.write(
  JSON.stringify({ locale: Intl.DateTimeFormat().resolvedOptions().locale, results }),
);
