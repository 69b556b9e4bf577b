#!/usr/bin/env python3
"""Does the `native-image` driver's job for native/check.sh: the driver (svm-driver) is not on Maven Central, so the
builder class (NativeImageGeneratorRunner) is called directly and needs its arguments in the builder's own form.

Reads Quarkus' target/native-sources/native-image.args, the runner jar's manifest class path and every class-path
jar's META-INF/native-image/** (native-image.properties Args and JavaArgs, the *-config.json and
reachability-metadata.json files), as the driver does, and writes
  OUT.jvm      options for the builder's JVM (-D..., -J...)
  OUT.builder  builder arguments (-imagecp, -H:...)
usage: driver.py NATIVE_SOURCES_DIR OUT
"""
import os
import re
import shlex
import sys
import zipfile

# Driver options that have no builder equivalent and change nothing the analysis checks.
DROPPED = ('--allow-incomplete-classpath', '--enable-all-security-services', '--install-exit-handlers')

# The driver hands these files of every class-path entry to the builder under these options.
CONFIG_FILES = {
    'reflect-config.json': 'ReflectionConfigurationResources',
    'jni-config.json': 'JNIConfigurationResources',
    'resource-config.json': 'ResourceConfigurationResources',
    'proxy-config.json': 'DynamicProxyConfigurationResources',
    'serialization-config.json': 'SerializationConfigurationResources',
    'reachability-metadata.json': 'ReachabilityMetadataResources',
    'predefined-classes-config.json': 'PredefinedClassesConfigurationResources',
}


class Args:
    def __init__(self):
        self.jvm, self.builder, self.unknown, self.excludes = [], [], [], []

    def translate(self, a, rest, origin):
        """One driver option to its builder form; `rest` yields the option's following words when it takes some."""
        def value():
            return a.split('=', 1)[1] if '=' in a else ''

        def classes(kind):
            v = value()
            return '-H:ClassInitialization=' + (','.join(c + ':' + kind for c in v.split(',') if c) if v else ':' + kind)

        if a.startswith('-H:'):
            self.builder.append(a)
        elif a.startswith('-J'):
            self.jvm.append(a[2:])
        elif a.startswith('-D'):
            self.jvm.append(a)
        elif a.startswith('--features='):
            self.builder.append('-H:Features=' + value())
        elif a.startswith('--initialize-at-run-time'):
            self.builder.append(classes('run_time'))
        elif a.startswith('--initialize-at-build-time'):
            self.builder.append(classes('build_time'))
        elif a == '--link-at-build-time':
            self.builder.append('-H:LinkAtBuildTime=')
        elif a.startswith('--link-at-build-time='):
            self.builder.append('-H:LinkAtBuildTime=' + value())
        elif a.startswith('--enable-url-protocols='):
            self.builder.append('-H:EnableURLProtocols=' + value())
        elif a == '--enable-http':
            self.builder.append('-H:EnableURLProtocols=http')
        elif a == '--enable-https':
            self.builder.append('-H:EnableURLProtocols=https')
        elif a.startswith('--enable-monitoring'):
            self.builder.append('-H:EnableMonitoringFeatures=' + (value() or 'all'))
        elif a.startswith('--enable-native-access='):
            self.builder.append('-H:EnableNativeAccess=' + value())
        elif a == '--no-fallback':
            self.builder.append('-H:FallbackThreshold=0')
        elif a.startswith('--add-exports='):
            self.builder.append('-H:AddExports=' + value())
        elif a.startswith('--add-opens='):
            self.builder.append('-H:AddOpens=' + value())
        elif a.startswith('--add-modules='):
            self.jvm.append(a)  # the driver resolves them in the builder's JVM, where the image's code is loaded
        elif a.startswith('--add-reads='):
            self.builder.append('-H:AddReads=' + value())
        elif a.startswith('--trace-class-initialization='):
            self.builder.append('-H:TraceClassInitialization=' + value())
        elif a.startswith('--trace-object-instantiation='):
            self.builder.append('-H:TraceObjectInstantiation=' + value())
        elif a == '--report-unsupported-elements-at-runtime':
            self.builder.append('-H:+ReportUnsupportedElementsAtRuntime')
        elif a in DROPPED:
            pass
        elif a == '--exclude-config':
            self.excludes.append((next(rest), next(rest)))
        else:
            self.unknown.append('%s (from %s)' % (a, origin))


def manifest_class_path(src, jar, args):
    with zipfile.ZipFile(jar) as z:
        mf = z.read('META-INF/MANIFEST.MF').decode().replace('\r\n ', '').replace('\n ', '')
    cp = []
    for line in mf.splitlines():
        if line.startswith('Class-Path:'):
            cp += [os.path.join(src, p) for p in line.split(':', 1)[1].split()]
        elif line.startswith('Main-Class:'):
            args.builder.append('-H:Class=' + line.split(':', 1)[1].strip())
    return cp


def excluded(args, jar, entry):
    return any((re.fullmatch(jr, os.path.basename(jar)) or re.search(jr, jar)) and re.fullmatch(rr, '/' + entry)
               for jr, rr in args.excludes)


def jar_configuration(args, jar):
    """What the driver takes from one jar's META-INF/native-image/: returns how many native-image.properties it read."""
    read = 0
    with zipfile.ZipFile(jar) as z:
        for entry in z.namelist():
            if not entry.startswith('META-INF/native-image/') or excluded(args, jar, entry):
                continue
            base = os.path.basename(entry)
            if base == 'native-image.properties':
                read += 1
                text = re.sub(r'\\\r?\n\s*', '', z.read(entry).decode('utf-8', 'replace'))
                for line in text.splitlines():
                    line = line.strip()
                    if not line or line[0] in '#!':
                        continue
                    key, _, val = line.partition('=')
                    val = val.strip().replace('${.}', os.path.dirname(jar))
                    if key.strip() == 'Args':
                        words = iter(shlex.split(val))
                        for a in words:
                            args.translate(a, words, jar + '!' + entry)
                    elif key.strip() == 'JavaArgs':
                        args.jvm.extend(shlex.split(val))
            elif base in CONFIG_FILES:
                args.builder.append('-H:%s=%s' % (CONFIG_FILES[base], entry))
    return read


def main(src, out):
    args = Args()
    # Quarkus writes Windows paths with backslashes; keep them literal through shlex.
    words = iter(shlex.split(open(os.path.join(src, 'native-image.args')).read().replace('\\', '\\\\')))
    cp, name = [], None
    for a in words:
        if a == '-jar':
            jar = os.path.join(src, next(words))
            cp += [jar] + manifest_class_path(src, jar, args)
        elif not a.startswith('-') and name is None and not a.endswith('.jar'):
            name = a
        else:
            args.translate(a, words, 'native-image.args')
    properties = sum(jar_configuration(args, jar) for jar in cp if os.path.isfile(jar))
    missing = [jar for jar in cp if not os.path.isfile(jar)]
    if name is None:
        sys.exit('driver.py: no image name in %s/native-image.args: is it a Quarkus native-sources folder?' % src)
    with open(out + '.jvm', 'w') as f:
        f.write('\n'.join(args.jvm) + '\n')
    with open(out + '.builder', 'w') as f:
        f.write('\n'.join(['-imagecp', ':'.join(cp), '-H:Name=' + name] + args.builder) + '\n')
    for u in args.unknown:
        print('driver.py: not translated: ' + u, file=sys.stderr)
    for m in missing:
        print('driver.py: class-path entry missing: ' + m, file=sys.stderr)
    print('driver.py: %d class-path entries, %d native-image.properties, %d JVM options, %d builder options'
          % (len(cp), properties, len(args.jvm), len(args.builder) + 3), file=sys.stderr)
    return 1 if args.unknown or missing else 0


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
