// Shared set-up for npm start / npm test: installs the npm devDependencies when missing or stale.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);

/** True when node_modules is missing or differs from package-lock.json. */
export function needsInstall() {
  const marker = new URL('node_modules/.package-lock.json', root);
  if (!existsSync(marker)) return true;
  const want = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')).packages;
  const have = JSON.parse(readFileSync(marker, 'utf8')).packages;
  return Object.keys(want).some((path) => path !== '' && !want[path].optional && have[path]?.version !== want[path].version);
}

export function installDependencies() {
  if (!needsInstall()) return;
  console.log('$ npm ci --prefer-offline --no-audit --no-fund');
  execFileSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
}
