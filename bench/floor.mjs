// The floor `mentor validate` is measured against: read every data file of a repository and parse
// it with js-yaml (core schema), single-threaded, doing nothing else.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import jsYaml from 'js-yaml';

const root = path.resolve(process.argv[2] ?? '.');
let files = 0;
const parse = (file) => {
  jsYaml.load(readFileSync(file, 'utf8'), { schema: jsYaml.CORE_SCHEMA });
  files++;
};
parse(path.join(root, 'mentor.yaml'));
const dir = path.join(root, 'partnerships');
for (const id of readdirSync(dir)) {
  parse(path.join(dir, id, 'partnership.yaml'));
  const sessions = path.join(dir, id, 'sessions');
  for (const name of readdirSync(sessions)) parse(path.join(sessions, name));
}
console.log(`${files} files parsed`);
