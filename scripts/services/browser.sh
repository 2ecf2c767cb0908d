#!/usr/bin/env bash
# The headless browser of the dashboard test: Debian's chromium (driven by playwright-core, which
# downloads nothing) and CJK fonts for the page's Chinese labels. Installed with apt when missing.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ] && fc-list :lang=zh 2>/dev/null | grep -q .; then exit 0; fi
if [ -n "${CHROMIUM_PATH:-}" ] && [ ! -x "$browser" ]; then
  echo "browser: CHROMIUM_PATH=$browser is not an executable" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "browser: installing chromium and fonts-noto-cjk with apt"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null
