import { rmSync } from 'node:fs';
import path from 'node:path';

// The long run starts from no figures, so docs/robustness.md holds only what this run tried.
export default function setup(): void {
  rmSync(path.resolve(import.meta.dirname, '../../node_modules/.cache/mentor-robustness'), { recursive: true, force: true });
}
