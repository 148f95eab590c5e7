#!/usr/bin/env bash
# The .deb (packaging/): built with CPack from this build tree, its files, owners, modes and conffiles
# checked, installed into a scratch root with dpkg (maintainer scripts included, through DPKG_ROOT),
# run from there, checked by lintian and systemd-analyze, and purged.
# Usage: package_test.sh BUILD_DIR SOURCE_DIR    (ctest: label package)
set -euo pipefail
build="${1:?build dir}"
source_dir="${2:?source dir}"
work="$(mktemp -d /tmp/kiosk-package.XXXXXX)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
for tool in cpack dpkg dpkg-deb lintian systemd-analyze; do
  command -v "$tool" >/dev/null || fail "$tool is missing (packaging/install-deps.sh installs it)"
done

# 1. Build the package (the CI build's `kiosk`, which never has test hooks; cpack strips it).
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack"; }
deb=$(ls "$work"/out/kiosk_*_*.deb)
echo "built $(basename "$deb") ($(stat -c %s "$deb") bytes)"

# 2. Control fields: the name, and Depends from Debian package names (shlibdeps plus the session).
dpkg-deb -f "$deb" Package | grep -qx kiosk || fail "package name"
depends=$(dpkg-deb -f "$deb" Depends)
for needed in cage xwayland libglfw3 fonts-noto-core libpam-systemd libc6 libcurl4 libsqlite3-0 libsystemd0; do
  [[ ", $depends," == *", $needed"[\ ,]* ]] || fail "Depends lacks $needed: $depends"
done
[[ "$depends" != *httplib* ]] || fail "Depends names the reference backend's library: $depends"

# 3. Files, owners and modes as shipped.
dpkg-deb -c "$deb" >"$work/contents"
expect_entry() {  # MODE PATH
  grep -qE "^$1 root/root +[0-9]+ [0-9-]+ [0-9:]+ \./${2}\$" "$work/contents" || fail "no $1 root/root ./$2 in the package"
}
expect_entry -rwxr-xr-x usr/bin/kiosk
expect_entry -rw-r--r-- etc/kiosk/kiosk.toml
expect_entry -rw-r--r-- etc/pam.d/kiosk
expect_entry -rw-r--r-- lib/systemd/system/kiosk.service
expect_entry -rw-r--r-- lib/systemd/system/kiosk-daily-restart.timer
expect_entry -rw-r--r-- lib/systemd/system/kiosk-daily-restart.service
expect_entry -rw-r--r-- lib/udev/rules.d/70-kiosk.rules
expect_entry -rw-r--r-- usr/lib/sysusers.d/kiosk.conf
expect_entry -rw-r--r-- usr/lib/tmpfiles.d/kiosk.conf
expect_entry -rwxr-xr-x usr/lib/kiosk/kiosk-stop
expect_entry -rw-r--r-- usr/share/kiosk/guidance/catalog.json
expect_entry -rw-r--r-- usr/share/kiosk/i18n/vi/ui.json
expect_entry -rw-r--r-- usr/share/man/man1/kiosk.1.gz
expect_entry -rw-r--r-- usr/share/doc/kiosk/copyright
expect_entry -rw-r--r-- usr/share/doc/kiosk/monitoring/kiosk-alerts.yml
if grep -v ' root/root ' "$work/contents"; then fail "entries not owned by root/root"; fi
if grep -E 'kiosk-(refbackend|vprinter|receiptgen|test|fake)' "$work/contents"; then fail "a tool or test executable is in the package"; fi
if grep -E '^-..[^x-]|^-.....[^x-]|^-........[^x-]|^-.....w|^-........w' "$work/contents" | grep -v '^-rw-r--r--\|^-rwxr-xr-x'; then
  fail "files with modes other than 0644/0755"
fi
dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./conffiles >"$work/conffiles"
diff <(sort "$work/conffiles") <(printf '/etc/kiosk/kiosk.toml\n/etc/pam.d/kiosk\n') || fail "conffiles"

# 4. Install into a scratch root: dpkg runs the maintainer scripts outside a chroot with DPKG_ROOT set
#    (they create the user and folders there and enable the unit there, never on this machine).
root="$work/root"
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
: >"$root/var/lib/dpkg/status"
dpkg --root="$root" --force-script-chrootless --force-depends --force-not-root --log=/dev/null -i "$deb" \
  >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; fail "dpkg -i into the scratch root"; }
grep -q '^Status: install ok installed' "$root/var/lib/dpkg/status" || fail "not installed: $(cat "$work/dpkg.log")"
grep -A3 '^Conffiles:' "$root/var/lib/dpkg/status" | grep -q '/etc/kiosk/kiosk.toml [0-9a-f]\{32\}' || fail "conffile not registered"
passwd_line=$(grep '^kiosk:' "$root/etc/passwd") || fail "no kiosk user"
IFS=: read -r _ _ uid gid _ home shell <<<"$passwd_line"
[ "$uid" -lt 1000 ] && [ "$shell" = /usr/sbin/nologin ] && [ "$home" = /var/lib/kiosk ] || fail "kiosk user: $passwd_line"
for group in render video; do grep -q "^$group:.*:.*kiosk" "$root/etc/group" || fail "kiosk is not in group $group"; done
check_dir() {  # PATH MODE
  local got
  got=$(stat -c '%u:%g %a' "$root$1")
  [ "$got" = "$uid:$gid $2" ] || fail "$1 is $got, expected $uid:$gid $2"
}
check_dir /var/lib/kiosk 751
check_dir /var/lib/kiosk/metrics 755
check_dir /var/log/kiosk 750
[ "$(stat -c '%a' "$root/usr/bin/kiosk")" = 755 ] || fail "/usr/bin/kiosk mode"
[ -L "$root/etc/systemd/system/graphical.target.wants/kiosk.service" ] || fail "kiosk.service is not enabled"
[ ! -e "$root/etc/systemd/system/timers.target.wants/kiosk-daily-restart.timer" ] || fail "the daily restart is on by default"

# 5. The installed kiosk: no test hooks, no source path compiled in, and it finds its assets from where
#    it is installed (../share/kiosk beside /usr/bin), with no configuration at all.
kiosk="$root/usr/bin/kiosk"
if strings "$kiosk" | grep -q -- '--test-control'; then fail "the packaged kiosk has test hooks"; fi
if strings "$kiosk" | grep -qF "$source_dir"; then fail "the packaged kiosk names the source tree $source_dir"; fi
: >"$work/empty.toml"
"$kiosk" --config "$work/empty.toml" guidance list >"$work/guide.txt" 2>"$work/guide.err" || fail "guidance list: $(cat "$work/guide.err")"
[ "$(wc -l <"$work/guide.txt")" -ge 5 ] || fail "the installed kiosk found no guidance catalog"
[ -e /usr/share/kiosk ] && echo "note: /usr/share/kiosk exists on this machine; the run above may have read it"
"$kiosk" check-config "$root/etc/kiosk/kiosk.toml" >/dev/null || fail "the installed /etc/kiosk/kiosk.toml is not valid"

# 6. lintian: clean at every severity (overrides in packaging/lintian/kiosk, each with its reason).
lintian --fail-on error,warning,info,pedantic --display-info --pedantic "$deb" >"$work/lintian.log" 2>&1 || {
  cat "$work/lintian.log"; fail "lintian"; }
grep -v 'running with root privileges' "$work/lintian.log" || true

# 7. systemd-analyze verify: the units as installed, against this machine's systemd and cage. The
#    package's own helper and man page are found in the scratch root (the only rewrite).
mkdir -p "$work/units"
for unit in "$root"/lib/systemd/system/*; do
  sed "s#/usr/lib/kiosk/#$root/usr/lib/kiosk/#g" "$unit" >"$work/units/$(basename "$unit")"
done
MANPATH="$root/usr/share/man:" systemd-analyze verify "$work"/units/* || fail "systemd-analyze verify"

# 8. Purge: the files, the outbox folder and the logs go; the system user stays (Debian policy).
mkdir -p "$root/var/lib/kiosk" && : >"$root/var/lib/kiosk/outbox.db"
dpkg --root="$root" --force-script-chrootless --force-depends --force-not-root --log=/dev/null --purge kiosk \
  >"$work/purge.log" 2>&1 || { cat "$work/purge.log"; fail "dpkg --purge"; }
for gone in /usr/bin/kiosk /etc/kiosk/kiosk.toml /var/lib/kiosk /var/log/kiosk /lib/systemd/system/kiosk.service; do
  [ ! -e "$root$gone" ] || fail "$gone is still there after purge"
done
grep -q '^kiosk:' "$root/etc/passwd" || fail "purge removed the system user"
echo "package: all checks passed"
