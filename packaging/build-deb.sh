#!/usr/bin/env bash
# Builds target/lvs-director_<version>_all.deb with dpkg-deb from the thin jar and its runtime libraries
# (target/lvs-director-<version>.jar, target/lib/), building them first when they are missing.
#   packaging/build-deb.sh [--no-build]
# Layout: /usr/share/lvs-director/{lvs-director.jar,lib/,launcher.sh,jvm-start.sh,cds.classlist}, entry points lvs-ldirectord, lvsadm,
# lvs-heartbeat, lvs-drbd-sync in /usr/sbin, systemd units, LSB init script, OCF agent, logrotate, man pages.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
project=$(cd "$here/.." && pwd)
target=$project/target

thin_jar() {
    local j
    for j in "$target"/lvs-director-*.jar; do
        case "$j" in *-sources.jar|*-tests.jar|*-javadoc.jar) continue ;; esac
        [[ -f $j ]] && { echo "$j"; return 0; }
    done
    return 0
}

jar=$(thin_jar)
if [[ -z $jar || ! -d $target/lib ]]; then
    if [[ ${1:-} == --no-build ]]; then
        echo "build-deb: no jar in $target; run 'mvn -B -DskipTests package' first" >&2
        exit 1
    fi
    echo "build-deb: building the jar (mvn -B -q -DskipTests package)" >&2
    (cd "$project" && mvn -B -q -DskipTests package) >&2
    jar=$(thin_jar)
fi

# Maven's 1.2.3-SNAPSHOT becomes Debian's 1.2.3~SNAPSHOT, which sorts before the release 1.2.3.
version=$(basename "$jar" .jar)
version=${version#lvs-director-}
deb_version=${version//-/\~}

stage=$target/deb/root
rm -rf "$target/deb"
mkdir -p "$stage/DEBIAN"

share=$stage/usr/share/lvs-director
install -d -m 755 "$share/lib" "$stage/usr/sbin" "$stage/lib/systemd/system" "$stage/etc/init.d" \
    "$stage/etc/default" "$stage/etc/logrotate.d" "$stage/etc/ha.d/resource.d" \
    "$stage/usr/lib/ocf/resource.d/lvs-director" "$stage/usr/lib/sysusers.d" "$stage/usr/lib/tmpfiles.d" \
    "$stage/usr/share/man/man8" "$stage/usr/share/doc/lvs-director" "$share/drbd-sync/handlers"
install -m 644 "$jar" "$share/lvs-director.jar"
install -m 644 "$target"/lib/*.jar "$share/lib/"
install -m 644 "$here/bin/launcher.sh" "$share/launcher.sh"
install -m 644 "$project/scripts/jvm-start.sh" "$project/scripts/cds.classlist" "$share/"
install -m 755 "$here/bin/lvs-ldirectord" "$here/bin/lvsadm" "$here/bin/lvs-heartbeat" \
    "$here/bin/lvs-drbd-sync" "$stage/usr/sbin/"
install -m 644 "$here"/systemd/*.service "$stage/lib/systemd/system/"
install -m 755 "$here/init.d/lvs-ldirectord" "$stage/etc/init.d/"
install -m 644 "$here/default/lvs-director" "$stage/etc/default/"
install -m 644 "$here/logrotate/lvs-director" "$stage/etc/logrotate.d/"
install -m 755 "$here/ocf/ldirectord" "$stage/usr/lib/ocf/resource.d/lvs-director/"
install -m 644 "$here/debian/sysusers.conf" "$stage/usr/lib/sysusers.d/lvs-director.conf"
install -m 644 "$here/debian/tmpfiles.conf" "$stage/usr/lib/tmpfiles.d/lvs-director.conf"
install -m 755 "$project/drbd-sync/handlers/split-brain" "$share/drbd-sync/handlers/"
install -m 644 "$project/drbd-sync/r0.res" "$share/drbd-sync/r0.res.sample"
ln -s /usr/sbin/lvs-ldirectord "$stage/etc/ha.d/resource.d/lvs-ldirectord"
for page in "$here"/man/*.8; do
    sed "s/@VERSION@/$version/" "$page" | gzip -9n > "$stage/usr/share/man/man8/$(basename "$page").gz"
done
if [[ -f $project/docs/packaging.md ]]; then
    install -m 644 "$project/docs/packaging.md" "$stage/usr/share/doc/lvs-director/"
fi

install -m 755 "$here/debian/postinst" "$here/debian/postrm" "$stage/DEBIAN/"
(cd "$stage" && find etc -type f | sed 's|^|/|' | sort) > "$stage/DEBIAN/conffiles"
size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s/@VERSION@/$deb_version/" -e "s/@SIZE@/$size/" "$here/debian/control.in" > "$stage/DEBIAN/control"
(cd "$stage" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) \
    > "$stage/DEBIAN/md5sums"
chmod 644 "$stage/DEBIAN/control" "$stage/DEBIAN/conffiles" "$stage/DEBIAN/md5sums"

deb=$target/lvs-director_${deb_version}_all.deb
# The jars are already compressed: gzip -1 keeps the build fast without making the package bigger.
dpkg-deb --root-owner-group -Zgzip -z1 --build "$stage" "$deb" >&2
echo "$deb"
