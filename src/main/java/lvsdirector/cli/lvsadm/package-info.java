/**
 * {@code lvsadm}: the listing half of ipvsadm ({@code -L}, {@code -S}, {@code --timeout}, {@code -Z}) over
 * any {@link lvsdirector.ipvs.IpvsBackend}, with ipvsadm's output, error texts and exit statuses, so that
 * scripts written against ipvsadm keep working whichever backend the daemon runs. Addresses are always
 * printed numerically (name resolution is not implemented).
 */
package lvsdirector.cli.lvsadm;
