#!/usr/bin/env bash
# Installs what the end-to-end tests need, only when it is missing:
# Debian's chromium, fonts-noto-cjk, nginx and a Java runtime (for the Nu
# HTML Checker), then axe-core and vnu-jar from package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."

pkgs=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || pkgs+=(chromium)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || pkgs+=(nginx)
command -v java >/dev/null 2>&1 || pkgs+=(openjdk-17-jre-headless)
dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'ok installed' || pkgs+=(fonts-noto-cjk)

if [ ${#pkgs[@]} -gt 0 ]; then
	if [ "$(id -u)" != 0 ]; then
		echo "e2e/setup.sh: missing ${pkgs[*]}: run as root, or apt-get install -y ${pkgs[*]}" >&2
		exit 1
	fi
	echo "e2e/setup.sh: installing ${pkgs[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update
	apt-get install -y "${pkgs[@]}"
fi

# npm ci installs exactly the committed lock. --ignore-scripts: vnu-jar's
# postinstall would try to download a Java runtime; Debian's is used.
# npm ls fails when an installed version differs from package.json.
if [ ! -f node_modules/axe-core/axe.min.js ] || [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ] ||
	! npm ls --depth=0 >/dev/null 2>&1; then
	npm ci --ignore-scripts --no-audit --no-fund
fi
