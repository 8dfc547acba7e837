/**
 * Health checks of real servers, independent of the config file and of IPVS: what to check ({@link
 * lvsdirector.check.CheckSpec} records, one per ldirectord check type or service, whose equality decides
 * which checks are "the same" across a reload), how results become health ({@link lvsdirector.check.Epilogue},
 * the only place that counts failures), and the {@link lvsdirector.check.HealthChecker} contract the director
 * drives. Protocol code lives in the sub-packages; scheduling in {@code check.scheduler}.
 */
package lvsdirector.check;
