#!/usr/bin/env bash
# OS packages the tests need (Debian/Ubuntu): a CJK font for chart PNGs with Chinese labels and
# chromium for the browser tests. Idempotent; skips what is already installed. Needs root or sudo.
set -euo pipefail
want=(fonts-wqy-microhei chromium)
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "os packages: all present (${want[*]})"
  exit 0
fi
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "os packages: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "os packages: installed ${missing[*]}"
