/**
 * checktype=external (and external-perl): runs the operator's check command without a shell, with
 * ldirectord's four arguments, and turns its exit status into a result. Timed-out commands are terminated
 * and reaped. The commands can run as a configured user without capabilities ({@link
 * lvsdirector.check.external.ExternalRunAs}).
 */
package lvsdirector.check.external;
