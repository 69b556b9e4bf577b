import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;

/**
 * Prints one {@code --add-exports} line per package of the running JDK's system modules, to the builder's modules:
 * what the native-image driver grants the builder. Run on the JDK the builder runs on (native/check.sh does).
 */
public class SystemPackages {
    private static final String BUILDER_MODULES = "org.graalvm.nativeimage.base,org.graalvm.nativeimage.builder,"
            + "org.graalvm.nativeimage.pointsto,org.graalvm.nativeimage.objectfile,jdk.graal.compiler,"
            + "org.graalvm.nativeimage.configure,ALL-UNNAMED";

    public static void main(String[] args) {
        for (ModuleReference ref : ModuleFinder.ofSystem().findAll()) {
            String module = ref.descriptor().name();
            // The JDK's own Graal compiler is replaced by the builder's (--upgrade-module-path), so it gets no exports.
            if (module.equals("jdk.graal.compiler") || module.equals("jdk.graal.compiler.management")) {
                continue;
            }
            ref.descriptor().packages().stream().sorted()
                    .forEach(p -> System.out.println("--add-exports=" + module + "/" + p + "=" + BUILDER_MODULES));
        }
    }
}
