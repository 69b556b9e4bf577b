package dev.paceline.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The policy checker rejects each kind of bad manifest, and accepts a good one. */
class ManifestPolicyTest {

    private static final String GOOD_DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api}
            spec:
              selector: {matchLabels: {app: api}}
              template:
                metadata: {labels: {app: api}}
                spec:
                  automountServiceAccountToken: false
                  securityContext:
                    runAsNonRoot: true
                    runAsUser: 1001
                    seccompProfile: {type: RuntimeDefault}
                  containers:
                    - name: api
                      image: org/api:1.0
                      env:
                        - name: PACELINE_API_KEYS_HASHED
                          valueFrom: {secretKeyRef: {name: keys, key: PACELINE_API_KEYS_HASHED}}
                      resources:
                        requests: {cpu: 100m, memory: 128Mi}
                        limits: {cpu: "1", memory: 512Mi}
                      startupProbe: {httpGet: {path: /q/health/started, port: management}}
                      livenessProbe: {httpGet: {path: /q/health/live, port: management}}
                      readinessProbe: {httpGet: {path: /q/health/ready, port: management}}
                      securityContext:
                        allowPrivilegeEscalation: false
                        readOnlyRootFilesystem: true
                        capabilities: {drop: [ALL]}
            """;

    private static final String GOOD_CRONJOB = """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: nightly}
            spec:
              schedule: "0 3 * * *"
              concurrencyPolicy: Forbid
              startingDeadlineSeconds: 600
              successfulJobsHistoryLimit: 3
              failedJobsHistoryLimit: 3
              jobTemplate:
                spec:
                  backoffLimit: 1
                  activeDeadlineSeconds: 3600
                  template:
                    spec:
                      restartPolicy: Never
                      automountServiceAccountToken: false
                      securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
                      containers:
                        - name: job
                          image: org/job@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                          resources:
                            requests: {cpu: 50m, memory: 64Mi}
                            limits: {cpu: 500m, memory: 256Mi}
                          securityContext:
                            allowPrivilegeEscalation: false
                            readOnlyRootFilesystem: true
                            capabilities: {drop: [ALL]}
            """;

    private static List<String> check(String yaml) {
        return ManifestPolicy.violations(StrictManifests.parse(yaml, "test"));
    }

    @Test
    void compliantManifestsPass() {
        assertThat(check(GOOD_DEPLOYMENT)).isEmpty();
        assertThat(check(GOOD_CRONJOB)).isEmpty();
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "runAsNonRoot: true|runAsNonRoot: false|runAsNonRoot must be true",
        "runAsUser: 1001|runAsUser: 0|runAsUser must not be 0",
        "readOnlyRootFilesystem: true|readOnlyRootFilesystem: false|readOnlyRootFilesystem must be true",
        "allowPrivilegeEscalation: false|allowPrivilegeEscalation: true|allowPrivilegeEscalation must be false",
        "capabilities: {drop: [ALL]}|capabilities: {drop: [NET_RAW]}|capabilities.drop must contain ALL",
        "capabilities: {drop: [ALL]}|capabilities: {drop: [ALL], add: [NET_ADMIN]}|no capability may be added",
        "seccompProfile: {type: RuntimeDefault}|seccompProfile: {type: Unconfined}|seccompProfile.type must be RuntimeDefault",
        "image: org/api:1.0|image: org/api:latest|uses :latest",
        "image: org/api:1.0|image: registry:5000/org/api|has no tag",
        "limits: {cpu: \"1\", memory: 512Mi}|limits: {cpu: \"1\"}|resources.limits.memory must be set",
        "requests: {cpu: 100m, memory: 128Mi}|requests: {memory: 128Mi}|resources.requests.cpu must be set",
        "livenessProbe: {httpGet: {path: /q/health/live, port: management}}|livenessProbe: null|livenessProbe missing",
        "startupProbe: {httpGet: {path: /q/health/started, port: management}}|startupProbe: {tcpSocket: {port: 8080}}|probes must call /q/health/*",
        "readinessProbe: {httpGet: {path: /q/health/ready, port: management}}|readinessProbe: {httpGet: {path: /q/health/ready, port: http}}|probes must call the management port",
        "automountServiceAccountToken: false|automountServiceAccountToken: true|automountServiceAccountToken must be false",
        "valueFrom: {secretKeyRef: {name: keys, key: PACELINE_API_KEYS_HASHED}}|value: plain-text-key|PACELINE_API_KEYS_HASHED must come from a Secret",
    })
    void eachBrokenRuleIsReported(String good, String bad, String expected) {
        assertThat(GOOD_DEPLOYMENT).contains(good);
        List<String> violations = check(GOOD_DEPLOYMENT.replace(good, bad));
        assertThat(violations).anySatisfy(v -> assertThat(v).startsWith("Deployment/api").contains(expected));
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "concurrencyPolicy: Forbid|concurrencyPolicy: Allow|concurrencyPolicy must be Forbid",
        "startingDeadlineSeconds: 600|startingDeadlineSeconds: null|startingDeadlineSeconds must be set",
        "failedJobsHistoryLimit: 3|failedJobsHistoryLimit: null|failedJobsHistoryLimit must be set",
        "activeDeadlineSeconds: 3600|activeDeadlineSeconds: null|activeDeadlineSeconds must be set",
        "backoffLimit: 1|backoffLimit: null|backoffLimit must be set",
        "restartPolicy: Never|restartPolicy: Always|restartPolicy must be Never or OnFailure",
    })
    void cronJobRulesAreReported(String good, String bad, String expected) {
        assertThat(GOOD_CRONJOB).contains(good);
        List<String> violations = check(GOOD_CRONJOB.replace(good, bad));
        assertThat(violations).anySatisfy(v -> assertThat(v).startsWith("CronJob/nightly").contains(expected));
    }

    @Test
    void namesTheApiServerWouldRefuseAreReported() {
        String longName = "x".repeat(53);
        assertThat(check(GOOD_CRONJOB.replace("metadata: {name: nightly}", "metadata: {name: " + longName + "}")))
                .containsExactly("CronJob/" + longName + ": a CronJob name must be at most 52 characters (its Jobs append 11)");
        assertThat(check("apiVersion: v1\nkind: Service\nmetadata: {name: 1api}\nspec: {ports: [{port: 80}]}\n"))
                .containsExactly("Service/1api: a Service name must be a DNS-1035 label of at most 63 characters");
        assertThat(check("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: Config_A}\n"))
                .containsExactly("ConfigMap/Config_A: name must be a DNS-1123 subdomain");
    }

    @Test
    void secretObjectsAndCredentialsInConfigMapsAreRejected() {
        assertThat(check("apiVersion: v1\nkind: Secret\nmetadata: {name: strava}\nstringData: {STRAVA_CLIENT_SECRET: x}\n"))
                .containsExactly("Secret/strava: Secret objects are not shipped; create the Secret out of band and"
                        + " reference it by name");
        assertThat(check("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\n"
                + "data: {PACELINE_LAKE_URI: gs://b/l, PACELINE_TOKEN_KEY: abc}\n"))
                .containsExactly("ConfigMap/cfg: key PACELINE_TOKEN_KEY looks like a credential; move it to a Secret");
    }
}
