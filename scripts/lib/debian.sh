# Installs Debian packages the tests need, all in one apt run (two apt runs at once break each
# other), retrying once because dpkg sometimes fails to read an archive on a fresh machine.
install_debian_packages() {
  [ "$#" -gt 0 ] || return 0
  echo "Installing from Debian packages: $*"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" \
    || $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}
