/**
 * The director's side effects outside the IPVS table, in ldirectord's formats: e-mail alerts (SMTP spoken
 * directly, or the local sendmail), the per-virtual monitor file and the fallback command. All of them run
 * off the event loop with a timeout, so none can stall the director.
 */
package lvsdirector.director.alert;
