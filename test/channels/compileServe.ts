import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Signals and several processes need real children: compile `planbot serve` (only its own
 * modules, so other folders' work in progress cannot break this) into `outDir`.
 */
export function compileServe(root: string, outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'package.json'), '{"type":"module"}\n');
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules/typescript/bin/tsc'),
      ...['--outDir', outDir, '--rootDir', join(root, 'src'), '--module', 'NodeNext', '--moduleResolution', 'NodeNext'],
      ...['--target', 'ES2022', '--strict', '--skipLibCheck', '--esModuleInterop', '--types', 'node'],
      join(root, 'src/channels/serve.ts'),
      join(root, 'src/channels/corpusLoader.ts'),
    ],
    { cwd: root, stdio: 'pipe' },
  );
}
