#!/usr/bin/env bash
# Install the Debian packages hopx-local needs (as root, with apt-get), or say which are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
packages=(bubblewrap slirp4netns nftables golang-go nodejs util-linux iproute2 openssl e2fsprogs procps)
# tests only: `hopx terminal` is driven through a real terminal (tests/integration/cli)
packages+=(tmux)
# template builds: skopeo pulls base images (src/hopx_local/control/oci.py); tests only: a real
# registry on loopback, htpasswd for its auth, and the contents of the test images
packages+=(skopeo docker-registry apache2-utils busybox-static musl musl-tools)
mapfile -t desktop < <(grep -v '^\s*#' src/hopx_local/agent/desktop/PACKAGES | grep -v '^\s*$')
missing=()
for pkg in "${packages[@]}" "${desktop[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "hopx-local needs these Debian packages: ${missing[*]} (as root: apt-get install ${missing[*]})" >&2
  exit 1
fi
