/** `npm run openapi`: writes docs/openapi.yaml from the service's schemas (src/http/openapi.ts). */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { openApiYaml } from '../src/http/openapi';

const target = path.join(__dirname, '..', 'docs', 'openapi.yaml');
writeFileSync(target, openApiYaml());
process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
