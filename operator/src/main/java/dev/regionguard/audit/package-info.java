/**
 * The region independence audit: finds, in a standby's copy of the configuration, references to
 * another region of the protection (CRN locations, regional hosts, regional registry hosts in
 * image names) that would stop working when that region is gone. Pure: JSON in, findings out.
 * Findings carry the matched host or CRN only, never a whole value, and write-only secret fields
 * are never read.
 */
package dev.regionguard.audit;
