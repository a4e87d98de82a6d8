// Writes docs/fields.md from the schemas of the built package: node scripts/build.mjs first.
import { writeFileSync } from 'node:fs';
import { builtInMethod, fieldsReference } from '../dist/index.js';

writeFileSync(new URL('../docs/fields.md', import.meta.url), fieldsReference(builtInMethod('uclg')));
