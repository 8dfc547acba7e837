/**
 * End-to-end integration tests in a real Linux kernel (user-mode-linux booted by scripts/uml-run): the
 * director programming IPVS from a .cf with real HTTP traffic through the virtual addresses, and the same
 * .cf files run by Debian's ldirectord and by ours, compared table by table. The tests on the host drive a
 * small agent inside the kernel (scripts/uml/agent.sh) command by command, so waits and assertions stay in
 * Java; scripts/uml/rig.sh builds the namespaces and real servers.
 */
package lvsdirector.it;
