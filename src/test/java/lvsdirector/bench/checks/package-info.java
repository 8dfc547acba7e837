/**
 * The health-check scale benchmark behind bench/checks.sh: one process serves every real server of a large
 * loopback table (healthy, slow and hanging ones), takes a sample down and up at recorded times and reads the
 * director's table from outside (control socket or kernel netlink) to time detection, count flaps and
 * measure the director's CPU and memory. The same layout and config drive ours and Debian's ldirectord.
 */
package lvsdirector.bench.checks;
