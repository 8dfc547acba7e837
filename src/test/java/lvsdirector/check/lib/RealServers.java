package lvsdirector.check.lib;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Starts Debian's real servers on 127.0.0.1 with private configuration and data in a directory of the test's:
 * dnsmasq, freeradius, slapd, mariadbd and PostgreSQL. Every fixture: user "checker" / password "pw" (radius
 * user "alice" / "wonderland", secret "testing123"; ldap admin "cn=admin,dc=example,dc=test" / "secret");
 * database "lvs" with table "alive" (one row) and "empty" (none).
 */
final class RealServers {
    static final Duration START_LIMIT = Duration.ofSeconds(60);
    static final String PG_BIN = "/usr/lib/postgresql/15/bin";

    private RealServers() {}

    static boolean installed() {
        return missing().isEmpty();
    }

    static String missing() {
        StringBuilder missing = new StringBuilder();
        for (String path : List.of("/usr/sbin/dnsmasq", "/usr/sbin/freeradius", "/usr/sbin/slapd", "/usr/sbin/slapadd",
                "/usr/sbin/mariadbd", "/usr/bin/mariadb-install-db", PG_BIN + "/initdb", PG_BIN + "/pg_ctl",
                "/usr/bin/psql", "/usr/sbin/runuser")) {
            if (!Files.isExecutable(Path.of(path))) {
                missing.append(path).append(' ');
            }
        }
        return missing.toString().trim();
    }

    static ServerProcess dnsmasq(Path dir, int port) throws Exception {
        ServerProcess server = ServerProcess.start("dnsmasq", dir.resolve("dnsmasq.log"), List.of("/usr/sbin/dnsmasq",
                "--keep-in-foreground", "--conf-file=/dev/null", "--pid-file=", "--user=root", "--bind-interfaces",
                "--listen-address=127.0.0.1", "--port=" + port, "--no-resolv", "--no-hosts", "--log-facility=-",
                "--address=/www.example.test/10.1.2.3", "--ptr-record=3.2.1.10.in-addr.arpa,host.example.test"));
        server.awaitTcp(port, START_LIMIT);
        return server;
    }

    static ServerProcess freeradius(Path dir, int port) throws Exception {
        String template;
        try (InputStream in = RealServers.class.getResourceAsStream("radiusd.conf")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve("radiusd.conf"), template.replace("@DIR@", dir.toString())
                .replace("@PORT@", Integer.toString(port)).replace("@SECRET@", "testing123"));
        Files.writeString(dir.resolve("dictionary"), "$INCLUDE /usr/share/freeradius/dictionary\n");
        Files.writeString(dir.resolve("users"), "alice Cleartext-Password := \"wonderland\"\n");
        ServerProcess server = ServerProcess.start("freeradius", dir.resolve("radiusd.log"),
                List.of("/usr/sbin/freeradius", "-X", "-d", dir.toString(), "-n", "radiusd"));
        server.awaitLog("Ready to process requests", START_LIMIT);
        return server;
    }

    static ServerProcess slapd(Path dir, int port) throws Exception {
        Files.createDirectories(dir.resolve("db"));
        Path conf = dir.resolve("slapd.conf");
        Files.writeString(conf, String.join("\n",
                "include /etc/ldap/schema/core.schema",
                "include /etc/ldap/schema/cosine.schema",
                "modulepath /usr/lib/ldap",
                "moduleload back_mdb",
                "pidfile " + dir.resolve("slapd.pid"),
                "database mdb",
                "maxsize 10485760",
                "suffix \"dc=example,dc=test\"",
                "rootdn \"cn=admin,dc=example,dc=test\"",
                "rootpw secret",
                "directory " + dir.resolve("db"), ""));
        Path ldif = dir.resolve("data.ldif");
        Files.writeString(ldif, String.join("\n",
                "dn: dc=example,dc=test", "objectClass: top", "objectClass: dcObject", "objectClass: organization",
                "o: example", "dc: example", "",
                "dn: ou=people,dc=example,dc=test", "objectClass: top", "objectClass: organizationalUnit",
                "ou: people", ""));
        ServerProcess.run(dir.resolve("slapadd.log"), START_LIMIT,
                List.of("/usr/sbin/slapadd", "-f", conf.toString(), "-l", ldif.toString()));
        ServerProcess server = ServerProcess.start("slapd", dir.resolve("slapd.log"), List.of("/usr/sbin/slapd",
                "-d", "0", "-f", conf.toString(), "-h", "ldap://127.0.0.1:" + port + "/"));
        server.awaitTcp(port, START_LIMIT);
        return server;
    }

    static ServerProcess mariadb(Path dir, int port) throws Exception {
        Path data = dir.resolve("data");
        ServerProcess.run(dir.resolve("install.log"), START_LIMIT, List.of("/usr/bin/mariadb-install-db",
                "--no-defaults", "--datadir=" + data, "--user=root", "--auth-root-authentication-method=normal",
                "--skip-test-db"));
        Path init = dir.resolve("init.sql");
        Files.writeString(init, String.join("\n",
                "CREATE DATABASE IF NOT EXISTS lvs;",
                "CREATE USER IF NOT EXISTS 'checker'@'127.0.0.1' IDENTIFIED BY 'pw';",
                "GRANT SELECT ON lvs.* TO 'checker'@'127.0.0.1';",
                "CREATE TABLE IF NOT EXISTS lvs.alive (id INT);",
                "INSERT INTO lvs.alive VALUES (1);",
                "CREATE TABLE IF NOT EXISTS lvs.empty (id INT);", ""));
        ServerProcess server = ServerProcess.start("mariadbd", dir.resolve("mariadbd.out"), List.of(
                "/usr/sbin/mariadbd", "--no-defaults", "--user=root", "--datadir=" + data,
                "--socket=" + dir.resolve("mysqld.sock"), "--port=" + port, "--bind-address=127.0.0.1",
                "--pid-file=" + dir.resolve("mysqld.pid"), "--log-error=" + dir.resolve("mysqld.err"),
                "--skip-log-bin", "--innodb-buffer-pool-size=16M", "--skip-name-resolve", "--init-file=" + init));
        server.awaitTcp(port, START_LIMIT);
        return server;
    }

    /** PostgreSQL refuses to run as root: initdb and pg_ctl run as the postgres user through runuser. */
    static ServerProcess postgres(Path dir, int port) throws Exception {
        Path data = dir.resolve("pg");
        Files.createDirectories(data);
        ServerProcess.run(dir.resolve("chown.log"), START_LIMIT,
                List.of("chown", "-R", "postgres", dir.toString()));
        dir.toFile().setExecutable(true, false);
        ServerProcess.run(dir.resolve("initdb.log"), START_LIMIT, List.of("/usr/sbin/runuser", "-u", "postgres", "--",
                PG_BIN + "/initdb", "-D", data.toString(), "-A", "trust", "-U", "postgres", "--no-sync"));
        Files.writeString(data.resolve("pg_hba.conf"), "local all all trust\nhost all all 127.0.0.1/32 md5\n");
        List<String> pgCtl = List.of("/usr/sbin/runuser", "-u", "postgres", "--", PG_BIN + "/pg_ctl", "-D",
                data.toString());
        Runnable stop = () -> {
            try {
                ServerProcess.run(dir.resolve("pg_stop.log"), Duration.ofSeconds(30),
                        concat(pgCtl, "-m", "immediate", "-w", "stop"));
            } catch (Exception | AssertionError e) {
                // already stopped (or never started): the postmaster pid file is gone
            }
        };
        // pg_ctl start without -w stays in the foreground until the postmaster forks off; stop goes through pg_ctl
        ServerProcess server = ServerProcess.start("postgres", dir.resolve("postgres.log"), concat(pgCtl, "-w",
                "-o", "-p " + port + " -k " + data + " -c listen_addresses=127.0.0.1 -c password_encryption=md5"
                        + " -c fsync=off", "start"), stop);
        server.awaitTcp(port, START_LIMIT);
        ServerProcess.run(dir.resolve("psql.log"), START_LIMIT, List.of("/usr/sbin/runuser", "-u", "postgres", "--",
                "/usr/bin/psql", "-h", data.toString(), "-p", Integer.toString(port), "-U", "postgres",
                "-v", "ON_ERROR_STOP=1",
                "-c", "CREATE ROLE checker LOGIN PASSWORD 'pw'",
                "-c", "CREATE DATABASE lvs OWNER checker"));
        ServerProcess.run(dir.resolve("psql2.log"), START_LIMIT, List.of("/usr/sbin/runuser", "-u", "postgres", "--",
                "/usr/bin/psql", "-h", data.toString(), "-p", Integer.toString(port), "-U", "checker", "-d", "lvs",
                "-v", "ON_ERROR_STOP=1",
                "-c", "CREATE TABLE alive (id int)", "-c", "INSERT INTO alive VALUES (1)",
                "-c", "CREATE TABLE empty (id int)"));
        return server;
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new java.util.ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    static Path privateDir(Path parent, String name) throws IOException {
        return Files.createDirectories(parent.resolve(name));
    }
}
