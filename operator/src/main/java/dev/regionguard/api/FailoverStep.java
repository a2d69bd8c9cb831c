package dev.regionguard.api;

/** The steps of a RegionFailover, each recorded in status before it acts. */
public enum FailoverStep {
    Validating,
    FinalSync,
    Fencing,
    Promoting,
    Redirecting,
    Verifying,
    /** Undoes the recorded fences after a failure or abort before the commit. */
    Unfencing;

    /** The phase a RegionFailover is in while this step runs. */
    public FailoverPhase phase() {
        return FailoverPhase.valueOf(name());
    }
}
