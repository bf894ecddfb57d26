#!/usr/bin/env bash
# Builds a small JRE base image from this machine's JDK, as a docker-archive tarball that the images
# profile takes as -Dquarkus.jib.base-jvm-image=tar://<file>. For builds without any registry to pull
# from (tests, air-gapped trials); real deployments name a maintained base image instead (README,
# "Beyond one machine").
#
#   deploy/images/jre-base-image.sh <out.tar> [image-reference]
#
# The image holds a jlink runtime of this JDK in /opt/java, the shared libraries it links against
# (found with ldd), /tmp and a passwd entry for the non-root user 185 the service images run as.
# Needs jlink (a JDK with jmods), ldd, umoci and skopeo.
set -euo pipefail

out=${1:?usage: jre-base-image.sh <out.tar> [image-reference]}
ref=${2:-handinhand/jre-local:17}
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
# java.se plus what the services use beyond it: SASL/SCRAM and Kerberos bits of the Kafka client,
# elliptic-curve TLS, German locale data, extra charsets, sun.misc.Unsafe, zip file systems, DNS.
modules=java.se,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.localedata,jdk.charsets,jdk.unsupported,jdk.zipfs,jdk.management,jdk.naming.dns,jdk.security.auth,jdk.security.jgss,jdk.net,jdk.jfr

for tool in "$java_home/bin/jlink" ldd umoci skopeo; do
  command -v "$tool" >/dev/null || { echo "jre-base-image.sh: $tool is missing" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rootfs=$work/rootfs

"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --compress=2 --output "$rootfs/opt/java"

# Every library the runtime's executables and libraries load, with the dynamic loader itself.
find "$rootfs/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jspawnhelper \) -print0 \
  | xargs -0 ldd 2>/dev/null \
  | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// && $1 !~ /:$/ { print $1 }' \
  | grep -v "^$rootfs/" \
  | sort -u \
  | while read -r lib; do
      # Keep the path the binaries ask for and make sure the file behind a symlink comes along.
      mkdir -p "$rootfs$(dirname "$lib")"
      cp -L "$lib" "$rootfs$lib"
    done

mkdir -p "$rootfs/etc" "$rootfs/tmp" "$rootfs/proc" "$rootfs/home/jboss"
chmod 1777 "$rootfs/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\njboss:x:185:185:service:/home/jboss:/sbin/nologin\n' > "$rootfs/etc/passwd"
printf 'root:x:0:\njboss:x:185:\n' > "$rootfs/etc/group"
# As root the files keep their owners; without root umoci maps the caller to root (--rootless).
rootless=()
if [ "$(id -u)" = 0 ]; then
  chown 185:185 "$rootfs/home/jboss"
else
  rootless=(--rootless)
fi

umoci init --layout "$work/oci"
umoci new --image "$work/oci:base"
umoci unpack "${rootless[@]}" --image "$work/oci:base" "$work/bundle" >/dev/null
cp -a "$rootfs/." "$work/bundle/rootfs/"
umoci repack "${rootless[@]}" --image "$work/oci:base" "$work/bundle"
umoci config --image "$work/oci:base" \
  --config.env PATH=/opt/java/bin:/usr/local/bin:/usr/bin:/bin \
  --config.env JAVA_HOME=/opt/java \
  --config.workingdir /home/jboss \
  --author "Hand in Hand build (jre-base-image.sh)"
rm -f "$out"
skopeo copy --quiet "oci:$work/oci:base" "docker-archive:$out:$ref"
echo "$out"
