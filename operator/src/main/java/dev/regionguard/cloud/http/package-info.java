/**
 * HTTP to IBM Cloud over OkHttp: {@link dev.regionguard.cloud.http.IbmHttp} (per-region concurrency limits, retries
 * through Failsafe, Retry-After), IAM tokens ({@link dev.regionguard.cloud.http.IamTokenService}), paging, multipart
 * bodies and IBM's error bodies parsed into {@code IbmApiException}. Imports {@code cloud}, OkHttp, Failsafe,
 * Jackson and SLF4J only. Used by the {@code eventnotifications} and {@code codeengine} clients, by {@code telemetry}
 * (which implements {@link dev.regionguard.cloud.http.CallObserver}) and by the wiring in {@code operator}.
 */
package dev.regionguard.cloud.http;
