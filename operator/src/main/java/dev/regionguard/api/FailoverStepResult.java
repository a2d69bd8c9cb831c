package dev.regionguard.api;

/** How a step of a RegionFailover ended. */
public enum FailoverStepResult {
    Succeeded,
    /** Not done and not needed, e.g. fencing a region that does not answer. */
    Skipped,
    Failed,
    /** Validation refused the request. */
    Rejected
}
