package lvsdirector.director.alert;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Who sends alert mail: the process owner's user name at this host ("root@lb1"). */
public record MailIdentity(String user, String hostname) {

    public static MailIdentity ofThisProcess() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return new MailIdentity(System.getProperty("user.name", "root"), host);
    }

    public String address() {
        return user + "@" + hostname;
    }
}
