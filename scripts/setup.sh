#!/usr/bin/env bash
# Installs what the project needs on a Debian machine (apt packages, npm packages from the
# committed lockfile). Safe to run again: it only installs what is missing. Firefox ESR, WebKitGTK's
# WebDriver (with MiniBrowser), Xvfb and xauth (for xvfb-run) are for the page tests in three engines.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake g++ make nlohmann-json3-dev catch2 emscripten chromium clang-14 libclang-rt-14-dev
  firefox-esr webkit2gtk-driver xvfb xauth)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # puppeteer-core drives the system Firefox: it must download no browser.
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund
fi
