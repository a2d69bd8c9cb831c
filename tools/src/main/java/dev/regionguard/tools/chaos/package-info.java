/** Seeded chaos runs: random primary mutations and injected faults against the real sync engine. */
package dev.regionguard.tools.chaos;
