package dev.regionguard.controller.protection;

/** A standby as status names it: region plus the instance or project ID. */
public record StandbyRef(String region, String instanceId, String projectId) {}
