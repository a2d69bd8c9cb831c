/**
 * IBM Cloud vocabulary that every layer shares: {@link dev.regionguard.cloud.ApiKey},
 * {@link dev.regionguard.cloud.Endpoints}, {@link dev.regionguard.cloud.ErrorCategory},
 * {@link dev.regionguard.cloud.IbmApiException} and {@link dev.regionguard.cloud.FilePart}. Plain Java: no I/O and no
 * imports beyond the JDK, so the pure packages ({@code sync}, {@code health}) may use it. The HTTP side is
 * {@code cloud.http}.
 */
package dev.regionguard.cloud;
