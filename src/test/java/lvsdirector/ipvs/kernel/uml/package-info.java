/**
 * The program {@link lvsdirector.ipvs.kernel.uml.KernelScenario} that {@code KernelIpvsBackendIT} runs inside a
 * user-mode-linux kernel: it drives every operation of the kernel backend and compares the result with what
 * ipvsadm itself reports, plus its helpers (the table model the scenario believes in, an ipvsadm runner).
 */
package lvsdirector.ipvs.kernel.uml;
