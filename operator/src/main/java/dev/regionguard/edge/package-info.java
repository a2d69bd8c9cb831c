/**
 * IBM Cloud Internet Services (CIS) global load balancing: the client of the edge in front of Code
 * Engine's custom domains ({@link dev.regionguard.edge.CisClient}), and the full-replacement bodies
 * a steering change sends ({@link dev.regionguard.edge.CisBodies}). I/O; what a configuration lacks is
 * decided in {@code dev.regionguard.health.EdgeConfiguration}.
 */
package dev.regionguard.edge;
