package lvsdirector.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LocalAccountsTest {
    private static final String PASSWD = """
            root:x:0:0:root:/root:/bin/bash
            lvs-director:x:998:998:lvs-director daemons:/nonexistent:/usr/sbin/nologin
            alice:x:1000:1000:Alice:/home/alice:/bin/bash
            bob:x:1001:1001::/home/bob:/bin/sh
            carol:x:1002:997::/home/carol:/bin/sh
            broken line without fields
            +nisuser::::::
            """;
    private static final String GROUP = """
            root:x:0:
            monitoring:x:997:alice
            lvs-director:x:998:
            alice:x:1000:
            bob:x:1001:
            """;
    private final LocalAccounts accounts = new LocalAccounts(PASSWD, GROUP);

    @Test
    void usersHaveTheirUidAndPrimaryGid() {
        assertThat(accounts.user("lvs-director")).contains(new LocalAccounts.User("lvs-director", 998, 998));
        assertThat(accounts.user("nobody-here")).isEmpty();
        assertThat(accounts.user("+nisuser")).isEmpty();
    }

    @Test
    void aGroupsUidsAreItsListedMembersAndThoseWhosePrimaryGroupItIs() {
        assertThat(accounts.uidsInGroup("monitoring")).containsExactlyInAnyOrder(1000, 1002);
        assertThat(accounts.uidsInGroup("bob")).containsExactly(1001);
        assertThat(accounts.uidsInGroup("no-such-group")).isEmpty();
    }

    @Test
    void processCredentialsComeFromTheStatusText() {
        String status = "Name:\tjava\nUid:\t998\t998\t998\t998\nGid:\t997\t997\t997\t997\n"
                + "CapInh:\t0000000000000000\nCapPrm:\t0000000000003000\nCapEff:\t0000000000003000\n"
                + "CapBnd:\t0000000000003000\nCapAmb:\t0000000000003000\n";
        ProcessCredentials credentials = ProcessCredentials.parse(status);
        assertThat(credentials).isEqualTo(new ProcessCredentials(998, 997, 0x3000, 0x3000));
        assertThat(credentials.hasEffective(ProcessCredentials.CAP_NET_ADMIN)).isTrue();
        assertThat(credentials.hasEffective(ProcessCredentials.CAP_NET_RAW)).isTrue();
        assertThat(credentials.hasEffective(ProcessCredentials.CAP_SETUID)).isFalse();
        assertThat(credentials.isRoot()).isFalse();
        assertThatThrownBy(() -> ProcessCredentials.parse("Name:\tx\n")).hasMessageContaining("no Uid: line");
    }
}
