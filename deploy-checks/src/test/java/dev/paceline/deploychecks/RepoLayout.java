package dev.paceline.deploychecks;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the deployment artefacts live, found from the working directory whichever module Maven runs from. */
final class RepoLayout {

    static final Path ROOT = findRoot();
    static final Path CHART = ROOT.resolve("helm/paceline");
    static final Path K8S = ROOT.resolve("k8s");
    static final Path WORKFLOWS = ROOT.resolve(".github/workflows");

    private RepoLayout() {
    }

    private static Path findRoot() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("helm")) && Files.isDirectory(dir.resolve("k8s"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No folder holding both helm/ and k8s/ above " + start
                + ": run the checks from inside the Paceline repository (./mvnw -pl deploy-checks verify)");
    }
}
