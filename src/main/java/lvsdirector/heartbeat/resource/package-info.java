/**
 * R1 (haresources) resources: the agent contract, built-in agents' registry and the scripts of
 * {@code resource.d} and {@code init.d}, run with heartbeat's start/stop/status contract.
 */
package lvsdirector.heartbeat.resource;
