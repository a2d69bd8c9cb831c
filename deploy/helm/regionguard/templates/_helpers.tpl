{{/* Chart name, or nameOverride. */}}
{{- define "regionguard.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Release-scoped name: the release name alone when it already contains the chart name. */}}
{{- define "regionguard.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "regionguard.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "regionguard.selectorLabels" -}}
app.kubernetes.io/name: {{ include "regionguard.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "regionguard.labels" -}}
helm.sh/chart: {{ include "regionguard.chart" . }}
{{ include "regionguard.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: regionguard
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "regionguard.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "regionguard.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "regionguard.leaseName" -}}
{{- default (printf "%s-operator" (include "regionguard.fullname" .)) .Values.leaderElection.leaseName }}
{{- end }}

{{- define "regionguard.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/*
What the operator needs in every namespace it watches: one list, used by the ClusterRole or by each
per-namespace Role. No wildcards; see deploy/README.md#rbac for why each verb is there.
*/}}
{{- define "regionguard.operatorRules" -}}
# Protections are only read: the operator writes their status, never the objects (no finalizer).
- apiGroups: ["regionguard.dev"]
  resources: ["eventnotificationsprotections", "codeengineprotections"]
  verbs: ["get", "list", "watch"]
# create: automatic failovers create RegionFailover objects; patch: JOSDK adds and removes the
# finalizer of a RegionFailover with a PATCH on the object itself.
- apiGroups: ["regionguard.dev"]
  resources: ["regionfailovers"]
  verbs: ["get", "list", "watch", "create", "patch"]
- apiGroups: ["regionguard.dev"]
  resources: ["eventnotificationsprotections/status", "codeengineprotections/status", "regionfailovers/status"]
  verbs: ["update"]
# Witnesses' views of the regions, counted for the quorum of an automatic failover (read only).
- apiGroups: ["regionguard.dev"]
  resources: ["regionobservations"]
  verbs: ["get", "list", "watch"]
# Needed to set blockOwnerDeletion on objects owned by a protection.
- apiGroups: ["regionguard.dev"]
  resources: ["eventnotificationsprotections/finalizers", "codeengineprotections/finalizers", "regionfailovers/finalizers"]
  verbs: ["update"]
# API keys, destination secrets: read by name (get), never listed or watched. The Secrets holding
# the passwords of the SMTP users RegionGuard creates on standbys (write; owned by their
# protection): list only with RegionGuard's own label selector, which RBAC cannot narrow.
- apiGroups: [""]
  resources: ["secrets"]
  verbs: ["get", "list", "create", "update", "delete"]
# Template bodies (read by name), the ledger ConfigMaps and the active-endpoint ConfigMap named in a
# protection's spec (write): no list, no watch.
- apiGroups: [""]
  resources: ["configmaps"]
  verbs: ["get", "create", "update", "patch"]
- apiGroups: ["", "events.k8s.io"]
  resources: ["events"]
  verbs: ["create", "patch"]
{{- end }}
