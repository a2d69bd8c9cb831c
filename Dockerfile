# syntax=docker/dockerfile:1
# RegionGuard operator image.
#   docker build -t icr.io/regionguard/regionguard-operator:0.1.0 .
# Only the operator module is built (its own pom, with the parent's): no simulator, demo or mock server.
# The runtime stage is the Temurin 17 JRE plus the shaded jar. It runs as a numeric non-root user
# (so Kubernetes can verify runAsNonRoot) and writes only to /tmp (the chart mounts an emptyDir there).

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY operator/pom.xml operator/
COPY operator/src/main operator/src/main
# The cache mount keeps ~/.m2 between builds without putting it in a layer.
# -Dregionguard.image drops the test-only module dependencies, so no sibling module is needed.
RUN --mount=type=cache,target=/root/.m2 mvn -B -f operator/pom.xml -Dregionguard.image -Dmaven.test.skip=true package

FROM eclipse-temurin:17-jre
LABEL org.opencontainers.image.title="regionguard-operator" \
      org.opencontainers.image.description="Keeps standby IBM Cloud Event Notifications instances and Code Engine projects in sync and fails over" \
      org.opencontainers.image.source="https://github.com/regionguard/regionguard" \
      org.opencontainers.image.licenses="Apache-2.0"
# 65532 is the conventional "nonroot" uid; the chart's podSecurityContext uses the same.
RUN groupadd --system --gid 65532 regionguard \
 && useradd --system --uid 65532 --gid 65532 --home-dir /nonexistent --no-create-home \
      --shell /usr/sbin/nologin regionguard
WORKDIR /app
COPY --from=build /src/operator/target/regionguard-operator.jar /app/regionguard.jar
USER 65532:65532
# One port for health probes and /metrics (REGIONGUARD_HTTP_PORT).
EXPOSE 8080
ENTRYPOINT ["java","-XX:MaxRAMPercentage=75","-jar","/app/regionguard.jar"]
CMD ["run"]
