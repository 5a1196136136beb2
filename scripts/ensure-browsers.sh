#!/usr/bin/env bash
# The browsers Relink's demo, tests and bench drive: Debian's chromium and firefox-esr, never a
# downloaded one. Installs the missing ones with apt-get when it can; otherwise says what to run.
# Usage: scripts/ensure-browsers.sh [chromium] [firefox-esr]   (both when none is named)
set -euo pipefail

wanted=("$@")
[ ${#wanted[@]} -gt 0 ] || wanted=(chromium firefox-esr)

path_of() {
  case "$1" in
    chromium) echo "${CHROMIUM_PATH:-/usr/bin/chromium}" ;;
    firefox-esr) echo "${FIREFOX_PATH:-/usr/bin/firefox-esr}" ;;
    *) echo "ensure-browsers: unknown browser '$1' (expected chromium or firefox-esr)." >&2; exit 2 ;;
  esac
}

missing=()
for browser in "${wanted[@]}"; do
  [ -x "$(path_of "$browser")" ] || missing+=("$browser")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Relink needs ${missing[*]} and this machine has no apt-get to install them." >&2
  echo "Install them with your package manager, then point CHROMIUM_PATH / FIREFOX_PATH at them." >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Relink needs Debian's ${missing[*]}, which are not installed. Run this once, then try again:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "Installing Debian's ${missing[*]} (about a minute, once)…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
for browser in "${missing[@]}"; do
  [ -x "$(path_of "$browser")" ] || { echo "apt-get finished but $(path_of "$browser") is still missing." >&2; exit 1; }
done
