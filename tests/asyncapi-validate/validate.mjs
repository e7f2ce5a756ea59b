// Validates an AsyncAPI document with @asyncapi/parser: prints every diagnostic, exits 1 on any error.
// Usage: node validate.mjs <asyncapi.json>
import { readFile } from 'node:fs/promises';
import { Parser, DiagnosticSeverity } from '@asyncapi/parser';

const path = process.argv[2];
if (!path) {
  console.error('usage: node validate.mjs <asyncapi.json>');
  process.exit(2);
}

const parser = new Parser();
const { document, diagnostics } = await parser.parse(await readFile(path, 'utf8'));
const severities = ['error', 'warning', 'information', 'hint'];
for (const d of diagnostics) {
  console.log(`${severities[d.severity] ?? d.severity} ${d.code} at /${d.path.join('/')}: ${d.message}`);
}

const errors = diagnostics.filter(d => d.severity === DiagnosticSeverity.Error);
if (!document || errors.length > 0) {
  console.error(`invalid: ${errors.length} error(s)`);
  process.exit(1);
}

console.log(`valid: AsyncAPI ${document.version()}, ${document.allMessages().length} message(s)`);
