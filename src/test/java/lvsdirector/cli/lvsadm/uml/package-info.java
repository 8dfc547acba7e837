/**
 * The program {@link lvsdirector.cli.lvsadm.uml.LvsadmComparison} that {@code LvsadmVersusIpvsadmIT} runs
 * inside a user-mode-linux kernel: ipvsadm programs a rich table, a little local traffic fills the counters
 * and the connection table, and every listing of scripts/lvsadm is compared with ipvsadm's, byte for byte.
 */
package lvsdirector.cli.lvsadm.uml;
