{{/* Release-scoped base name: the release name alone when it already says "paceline". */}}
{{- define "paceline.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "paceline.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: paceline
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end -}}

{{/* Selector labels of one component: (dict "ctx" $ "name" "metrics-api") */}}
{{- define "paceline.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
{{- end -}}

{{/* The service account of one service (its CronJobs share it): (dict "ctx" $ "name" "metrics-api"). With
serviceAccount.create=false the chart expects accounts of these names to exist. */}}
{{- define "paceline.serviceAccountName" -}}
{{- printf "%s-%s" (include "paceline.fullname" .ctx) .name -}}
{{- end -}}

{{/* Whether transform-daily renders: with DuckDB (one writing process per file) only when the transform Deployment
does not run, so the two never open the file at once. */}}
{{- define "paceline.transformCronJob" -}}
{{- if or (not (hasPrefix "duckdb:" .Values.warehouse.uri)) (eq (int (index .Values.services "transform-service").replicas) 0) -}}
true
{{- end -}}
{{- end -}}

{{/* Image reference of one service: (dict "ctx" $ "name" "metrics-api"). Refuses "latest". */}}
{{- define "paceline.image" -}}
{{- $tag := default .ctx.Chart.AppVersion .ctx.Values.image.tag | toString -}}
{{- $digest := index (default dict .ctx.Values.image.digests) .name | default "" -}}
{{- if eq $tag "latest" -}}
{{- fail "image.tag=latest is refused: pin a released version (e.g. 0.1.0) or a digest (sha256:...)" -}}
{{- end -}}
{{- if $digest -}}
{{- printf "%s/%s@%s" .ctx.Values.image.registry .name $digest -}}
{{- else if hasPrefix "sha256:" $tag -}}
{{- printf "%s/%s@%s" .ctx.Values.image.registry .name $tag -}}
{{- else -}}
{{- printf "%s/%s:%s" .ctx.Values.image.registry .name $tag -}}
{{- end -}}
{{- end -}}

{{/* Guards run by every render: configurations that cannot work fail with the cause and the fix. */}}
{{- define "paceline.validate" -}}
{{- $local := or (hasPrefix "file:" .Values.lake.uri) (hasPrefix "duckdb:" .Values.warehouse.uri) -}}
{{- if and $local (not .Values.persistence.enabled) -}}
{{- fail (printf "lake.uri=%s / warehouse.uri=%s are local files but persistence.enabled=false: every pod would see its own empty folder. Set persistence.enabled=true, or use gs:// and bigquery:// URIs (values-production.yaml)." .Values.lake.uri .Values.warehouse.uri) -}}
{{- end -}}
{{- if not (or (hasPrefix "gs://" .Values.lake.uri) (hasPrefix "file:" .Values.lake.uri)) -}}
{{- fail (printf "lake.uri=%q is not supported: use gs://BUCKET/PREFIX or file:///ABSOLUTE/PATH" .Values.lake.uri) -}}
{{- end -}}
{{- if not (or (hasPrefix "bigquery://" .Values.warehouse.uri) (hasPrefix "duckdb:" .Values.warehouse.uri)) -}}
{{- fail (printf "warehouse.uri=%q is not supported: use bigquery://PROJECT/DATASET?location=EU or duckdb:/PATH/FILE.duckdb" .Values.warehouse.uri) -}}
{{- end -}}
{{- if hasPrefix "gs://" .Values.lake.uri -}}
{{- $gsa := default dict .Values.serviceAccount.gcpServiceAccounts -}}
{{- range $name := list "metrics-api" "ingest-service" "transform-service" -}}
{{- if not (index $gsa $name) -}}
{{- fail (printf "lake.uri is on GCS but serviceAccount.gcpServiceAccounts.%s is empty: give each service its own Google service account bound through Workload Identity (docs/operations.md, Identities); JSON keys are not supported" $name) -}}
{{- end -}}
{{- end -}}
{{- if ne (len (uniq (values $gsa))) 3 -}}
{{- fail "serviceAccount.gcpServiceAccounts must name three different Google service accounts: one identity per service, each with only the access it needs (docs/operations.md, Identities)" -}}
{{- end -}}
{{- end -}}
{{- if and (hasPrefix "duckdb:" .Values.warehouse.uri) (gt (int (index .Values.services "transform-service").replicas) 1) -}}
{{- fail "services.transform-service.replicas > 1 with a DuckDB warehouse: DuckDB takes one writing process per file. Use replicas 1 (the Deployment builds) or 0 (the transform-daily CronJob builds)" -}}
{{- end -}}
{{- if and .Values.autoscaling.enabled .Values.persistence.enabled -}}
{{- fail "autoscaling.enabled=true with persistence.enabled=true: the ReadWriteOnce volume cannot follow replicas onto other nodes. Use a GCS lake (values-production.yaml) or disable autoscaling" -}}
{{- end -}}
{{- end -}}

{{- define "paceline.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .Values.podSecurityContext.runAsUser }}
runAsGroup: {{ .Values.podSecurityContext.runAsGroup }}
fsGroup: {{ .Values.podSecurityContext.fsGroup }}
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "paceline.containerSecurityContext" -}}
runAsNonRoot: true
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop: ["ALL"]
{{- end -}}

{{/* Environment shared by services and jobs. */}}
{{- define "paceline.envFrom" -}}
- configMapRef:
    name: {{ include "paceline.fullname" . }}-config
{{- end -}}

{{/* Secret-backed variables of one service: (dict "ctx" $ "name" "ingest-service" ["job" true]) */}}
{{- define "paceline.secretEnv" -}}
{{- $s := .ctx.Values.existingSecrets -}}
{{- if eq .name "ingest-service" }}
- name: STRAVA_CLIENT_ID
  valueFrom:
    secretKeyRef: {name: {{ $s.strava }}, key: STRAVA_CLIENT_ID}
- name: STRAVA_CLIENT_SECRET
  valueFrom:
    secretKeyRef: {name: {{ $s.strava }}, key: STRAVA_CLIENT_SECRET}
# The athlete's refresh token, for a single-athlete install that has not connected through OAuth.
- name: STRAVA_REFRESH_TOKEN
  valueFrom:
    secretKeyRef: {name: {{ $s.strava }}, key: STRAVA_REFRESH_TOKEN, optional: true}
- name: PACELINE_TOKEN_KEY
  valueFrom:
    secretKeyRef: {name: {{ $s.tokenKey }}, key: PACELINE_TOKEN_KEY}
{{- if not .job }}
# Only needed once Strava webhooks are subscribed (ingress.webhook.enabled).
- name: STRAVA_WEBHOOK_VERIFY_TOKEN
  valueFrom:
    secretKeyRef: {name: {{ $s.strava }}, key: STRAVA_WEBHOOK_VERIFY_TOKEN, optional: true}
{{- end }}
{{- end }}
{{- if not .job }}
# paceline.api.keys.hashed: "<sha256-hex>:admin" or "<sha256-hex>:athletes=1,2" entries, ';'-separated; the same keys
# for the API and for the operations endpoints of ingest and transform (admin scope).
- name: PACELINE_API_KEYS_HASHED
  valueFrom:
    secretKeyRef: {name: {{ $s.apiKeys }}, key: PACELINE_API_KEYS_HASHED}
{{- end }}
{{- end -}}

{{/* Volumes shared by services and jobs: a writable /tmp and, with persistence, the data volume. */}}
{{/* (dict "ctx" $ "readOnly" bool): metrics-api mounts the data volume read-only, it only reads serving/. */}}
{{- define "paceline.volumeMounts" -}}
- name: tmp
  mountPath: /tmp
{{- if .ctx.Values.persistence.enabled }}
- name: data
  mountPath: {{ .ctx.Values.persistence.mountPath }}
  {{- if .readOnly }}
  readOnly: true
  {{- end }}
{{- end }}
{{- end -}}

{{- define "paceline.volumes" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ .tmpSizeLimit }}
{{- if .ctx.Values.persistence.enabled }}
- name: data
  persistentVolumeClaim:
    claimName: {{ include "paceline.fullname" .ctx }}-data
    {{- if .readOnly }}
    readOnly: true
    {{- end }}
{{- end }}
{{- end -}}

{{/* Common labels plus the component name: (dict "ctx" $ "name" "metrics-api") */}}
{{- define "paceline.componentLabels" -}}
{{ include "paceline.labels" .ctx }}
app.kubernetes.io/name: {{ .name }}
{{- end -}}
