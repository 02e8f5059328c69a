import { rmSync } from 'node:fs';
import { TEST_LOG_DIR } from '../helpers';

/** Every run starts with no logs, so the scan after it reads this run's lines only. */
export default function clearTestLogs(): void {
  rmSync(TEST_LOG_DIR, { recursive: true, force: true });
}
