/**
 * Benchmarks run by hand, not by CI: {@link lvsdirector.bench.IpvsProgramBench} measures programming, changing
 * and dumping a large IPVS table through the director's own path (config, reconciler, kernel backend) inside a
 * UML kernel, for bench/ipvs-program.sh to set next to ipvsadm's figures from the same boot.
 */
package lvsdirector.bench;
