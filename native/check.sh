#!/usr/bin/env bash
# Native check of one service: Quarkus' native-sources build, then GraalVM's native-image builder (SubstrateVM,
# from Maven Central) through analysis and compilation, on a JDK 25. No GraalVM install needed. The final link cannot
# run here (it needs the JDK's static libraries, which no registry ships), so reaching it is the pass mark.
#
# usage: native/check.sh MODULE            e.g. native/check.sh metrics-api
# env:   NATIVE_JDK          a JDK 25 (default /usr/lib/jvm/temurin-25-jdk-amd64)
#        NATIVE_XMX          the builder's heap (default 8g; one analysis peaks at about 7 GB RSS)
#        NATIVE_MAVEN_ARGS   extra Maven arguments for the Quarkus build (e.g. -o when offline)
#        NATIVE_REUSE_SOURCES=1  skip the Quarkus build and reuse MODULE/target/native-sources (iterating on the builder)
# Prints the phases' timing, reachable types and methods and the peak RSS; exit 0 when the analysis and compilation
# passed, 1 with the first errors when not. Everything it makes is under native/target/ (see docs/operations.md).
set -euo pipefail

NATIVE_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$NATIVE_DIR")
MODULE=${1:-}
case "$MODULE" in
  ingest-service|transform-service|metrics-api|strava-simulator) ;;
  *) echo "usage: native/check.sh MODULE (ingest-service, transform-service, metrics-api or strava-simulator)" >&2; exit 2 ;;
esac
JDK=${NATIVE_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
XMX=${NATIVE_XMX:-8g}
WORK=$NATIVE_DIR/target
OUT=$WORK/$MODULE
say() { printf '[native-check] %s\n' "$*" >&2; }
fail() { say "$*"; exit 1; }

[ -x "$JDK/bin/java" ] || fail "no JDK at $JDK: the builder needs a JDK 25 (set NATIVE_JDK to its home)"
jdk_major=$("$JDK/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
[ "$jdk_major" = 25 ] || fail "$JDK is a JDK $jdk_major; the builder (svm 25) needs a JDK 25 (set NATIVE_JDK)"
command -v python3 >/dev/null || fail "python3 is needed (native/driver.py turns Quarkus' arguments into the builder's)"
command -v gcc >/dev/null || fail "gcc is needed (native/reporter_helper.c, the builder's progress reporter)"
mkdir -p "$WORK" "$OUT"

# 1. The builder's jars, from Maven Central, once.
if [ ! -f "$WORK/builder/.complete" ]; then
  say "fetching the native-image builder jars (native/pom.xml) into native/target/builder"
  rm -rf "$WORK/builder"
  JAVA_HOME=$JDK "$ROOT/mvnw" -B -q ${NATIVE_MAVEN_ARGS:-} -f "$NATIVE_DIR/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$WORK/builder" >&2
  touch "$WORK/builder/.complete"
fi
SVM_VERSION=$(sed -n 's:.*<svm.version>\(.*\)</svm.version>.*:\1:p' "$NATIVE_DIR/pom.xml")

# 2. A writable copy of the JDK: the builder loads its progress-reporter helper from <java.home>/lib/svm/builder/lib,
#    without which every error is hidden behind "Helper library for ProgressReporterCHelper not available".
if [ ! -f "$WORK/jdk/.complete" ]; then
  say "copying $JDK to native/target/jdk (writable, for the builder's helper library)"
  rm -rf "$WORK/jdk" && cp -a "$JDK/." "$WORK/jdk/"
  mkdir -p "$WORK/jdk/lib/svm/builder/lib"
  gcc -shared -fPIC -O2 -I"$WORK/jdk/include" -I"$WORK/jdk/include/linux" "$NATIVE_DIR/reporter_helper.c" \
    -o "$WORK/jdk/lib/svm/builder/lib/libreporterchelper.so"
  touch "$WORK/jdk/.complete"
fi

# 3. The builder's module exports for this JDK, what the driver would grant it.
if [ ! -s "$WORK/exports.args" ]; then
  "$WORK/jdk/bin/java" "$NATIVE_DIR/SystemPackages.java" > "$WORK/exports.args"
fi

# 4. A C library folder: the headers the builder compiles against, and empty stand-ins for the static libraries it
#    insists on in phase 1 but only uses at the link step, which this check does not reach.
CLIB=$WORK/clibraries
if [ ! -f "$CLIB/.complete" ]; then
  rm -rf "$CLIB" && mkdir -p "$CLIB/include"
  cp "$NATIVE_DIR"/include/*.h "$WORK/jdk/include/jni.h" "$WORK/jdk/include/linux/jni_md.h" "$CLIB/include/"
  for lib in java nio net zip jvm libchelper jaas prefs extnet fdlibm management management_ext j2pkcs11 sctp \
             verify awt awt_headless fontmanager javajpeg lcms mlib_image jsound; do
    ar rc "$CLIB/lib$lib.a"
  done
  touch "$CLIB/.complete"
fi

# 5. Quarkus' native sources, with the service's own native configuration (application.properties), exactly as the
#    Dockerfile.native's package step with -Dquarkus.native.enabled=true, stopping before the native-image call.
SOURCES=$ROOT/$MODULE/target/native-sources
if [ "${NATIVE_REUSE_SOURCES:-0}" = 1 ] && [ -f "$SOURCES/native-image.args" ]; then
  say "$MODULE: reusing ${SOURCES#"$ROOT"/} (NATIVE_REUSE_SOURCES=1)"
else
  say "$MODULE: Quarkus native-sources build"
  (cd "$ROOT" && ./mvnw -B -q ${NATIVE_MAVEN_ARGS:-} -pl "$MODULE" -am package -DskipTests \
    -Dquarkus.native.enabled=true -Dquarkus.native.sources-only=true) >&2
fi
[ -f "$SOURCES/native-image.args" ] || fail "$MODULE: no $SOURCES/native-image.args after the Quarkus build"

# 6. The driver's job (native/driver.py), then the builder.
python3 "$NATIVE_DIR/driver.py" "$SOURCES" "$OUT/args"
LOG=$OUT/build.log
MP=""
for jar in truffle-compiler svm-configure svm-capnproto-runtime native-image-base pointsto svm objectfile espresso-svm \
           nativeimage-libgraal word nativeimage collections; do
  MP="$MP$WORK/builder/$jar-$SVM_VERSION.jar:"
done
BUILD_ID=$(python3 -c 'import uuid; print(uuid.uuid4())')
say "$MODULE: native-image builder $SVM_VERSION (-Xmx$XMX), log in ${LOG#"$ROOT"/}"
rm -rf "$OUT/image" && mkdir -p "$OUT/image"
set +e
# shellcheck disable=SC2046 # one argument per line in the generated files, none with spaces
# org.graalvm.vendorversion is what the driver tells features about the builder; Quarkus' Feature parses it (and
# fails without it), and the Dockerfiles' builder is Mandrel.
JVMCI_VERSION_CHECK=ignore /usr/bin/time -v -o "$OUT/time.txt" \
  "$WORK/jdk/bin/java" -XX:+UseParallelGC -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI -XX:-UseJVMCICompiler \
  -Xss10m -Xmx"$XMX" \
  -Dtruffle.TrustAllTruffleRuntimeProviders=true -Dgraalvm.ForcePolyglotInvalid=true -Dgraalvm.locatorDisabled=true \
  -Dsubstratevm.HostLibC=glibc -Djava.awt.headless=true -Dorg.graalvm.version="$SVM_VERSION" \
  -Dorg.graalvm.vendorversion="Mandrel-$SVM_VERSION.0-Final" \
  -Dcom.oracle.graalvm.isaot=true -Dorg.graalvm.nativeimage.imagecode=buildtime \
  -Djava.system.class.loader=com.oracle.svm.hosted.NativeImageSystemClassLoader -Xshare:off \
  -Djdk.internal.lambda.disableEagerInitialization=true -Djdk.module.main=org.graalvm.nativeimage.builder \
  --enable-native-access=ALL-UNNAMED,org.graalvm.nativeimage.builder --add-opens=java.base/java.lang=ALL-UNNAMED \
  @"$WORK/exports.args" $(cat "$OUT/args.jvm") \
  --module-path "$MP" --upgrade-module-path "$WORK/builder/compiler-$SVM_VERSION.jar" \
  -m org.graalvm.nativeimage.builder/com.oracle.svm.hosted.NativeImageGeneratorRunner \
  $(cat "$OUT/args.builder") -H:Path="$OUT/image" -H:ImageBuildID="$BUILD_ID" -H:CLibraryPath="$CLIB" \
  > "$LOG" 2>&1
status=$?
set -e

# 7. The verdict, from the builder's own report.
python3 "$NATIVE_DIR/verdict.py" "$MODULE" "$LOG" "$OUT/time.txt" "$status" | tee "$OUT/result.txt"
exit "${PIPESTATUS[0]}"
