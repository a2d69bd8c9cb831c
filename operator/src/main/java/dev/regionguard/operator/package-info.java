/**
 * The composition root: {@link dev.regionguard.operator.RegionGuardOperator} wires clients, sync, telemetry and the
 * reconcilers and runs them under Java Operator SDK; {@link dev.regionguard.operator.OperatorConfig} reads the
 * environment, {@link dev.regionguard.operator.OperatorHttpServer} serves probes and metrics, and
 * {@link dev.regionguard.operator.Main} with {@link dev.regionguard.operator.RunCommand} is the image's entry point.
 * The one package that may import all the others; no other operator package imports it (the tools do).
 */
package dev.regionguard.operator;
