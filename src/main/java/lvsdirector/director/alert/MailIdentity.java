package lvsdirector.director.alert;

import lvsdirector.support.Hostnames;

/** Who sends alert mail: the process owner's user name at this host ("root@lb1"). */
public record MailIdentity(String user, String hostname) {

    public static MailIdentity ofThisProcess() {
        return new MailIdentity(System.getProperty("user.name", "root"), Hostnames.local());
    }

    public String address() {
        return user + "@" + hostname;
    }
}
