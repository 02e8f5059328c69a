/** `npm run api-key`: makes a new API key and prints it with the hash to put in API_KEY_HASHES. */
import { randomBytes } from 'node:crypto';
import { hashApiKey } from '../src/http/api-keys';

const key = `sk_${randomBytes(24).toString('base64url')}`;
process.stdout.write(`API key (give it to the client; it is not stored): ${key}\nAdd to API_KEY_HASHES: ${hashApiKey(key)}\n`);
