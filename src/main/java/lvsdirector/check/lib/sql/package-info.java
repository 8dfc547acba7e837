/**
 * The database negotiate checks (mysql, pgsql, oracle) through each vendor's JDBC driver (MariaDB Connector/J,
 * PgJDBC, Oracle's thin driver) on the shared bounded worker pool, with the driver's own connect and socket
 * timeouts set and the hard deadline closing the connection. All share the "at least one row" rule.
 */
package lvsdirector.check.lib.sql;
