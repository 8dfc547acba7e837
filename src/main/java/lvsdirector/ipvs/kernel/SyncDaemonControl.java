package lvsdirector.ipvs.kernel;

import lvsdirector.ipvs.IpvsException;

import java.util.List;

/** Starting, stopping and listing the kernel's IPVS connection-synchronisation daemons. */
public interface SyncDaemonControl {

    /** ipvsadm --start-daemon. EEXIST ("Daemon has already run") when one in that state already runs. */
    void startDaemon(SyncDaemon daemon) throws IpvsException;

    /** ipvsadm --stop-daemon. ESRCH ("No daemon is running") when none in that state runs. */
    void stopDaemon(IpvsGenl.DaemonState state) throws IpvsException;

    /** ipvsadm -L --daemon: the running daemons (at most one master and one backup). */
    List<SyncDaemon> daemons() throws IpvsException;
}
