/**
 * The database negotiate checks: mysql and pgsql through Vert.x's reactive SQL clients (no blocking), oracle
 * through Oracle's JDBC driver on the shared bounded worker pool. All share the "at least one row" rule.
 */
package lvsdirector.check.lib.sql;
