// The registry this project installs from only serves Linux builds of platform-specific packages,
// so `npm install` leaves the other platforms' optional dependencies out of package-lock.json and
// `npm ci` then refuses the lock. This adds a placeholder entry (os/cpu from the package name) for
// each missing optional dependency; npm skips them on Linux and a full registry resolves them elsewhere.
// Run after `npm install`: node scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const OS = [
  'darwin',
  'win32',
  'linux',
  'android',
  'freebsd',
  'openbsd',
  'netbsd',
  'sunos',
  'aix',
  'openharmony',
];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'riscv64', 'ppc64', 's390x', 'loong64', 'wasm32'];

function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((p) => OS.includes(p) || p === 'windows' || p === 'macos');
  const cpu = parts.find((p) => CPU.includes(p) || p === 'x86_64' || p === 'aarch64');
  const entry = {};
  if (os) entry.os = [{ windows: 'win32', macos: 'darwin' }[os] ?? os];
  if (cpu) entry.cpu = [{ x86_64: 'x64', aarch64: 'arm64' }[cpu] ?? cpu];
  if (parts.includes('musl')) entry.libc = ['musl'];
  else if (os === 'linux' && parts.includes('gnu')) entry.libc = ['glibc'];
  return entry;
}

let added = 0;
for (const [key, pkg] of Object.entries(lock.packages)) {
  for (const [dep, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const nested = `${key ? `${key}/` : ''}node_modules/${dep}`;
    if (lock.packages[nested] || lock.packages[`node_modules/${dep}`]) continue;
    const platform = platformOf(dep);
    if (!platform.os && !platform.cpu) continue; // not a platform build: leave it to npm
    lock.packages[`node_modules/${dep}`] = {
      version: version.replace(/^[\^~=]/, ''),
      ...platform,
      dev: pkg.dev || undefined,
      optional: true,
    };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)),
);
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} platform placeholder entries`);
