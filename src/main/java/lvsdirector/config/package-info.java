/**
 * ldirectord configuration: the immutable model of a parsed {@code .cf} file (globals, virtual blocks,
 * real servers, check and alert settings), the parser that reads a file exactly as ldirectord 4.12 does
 * (same defaults, same error texts and line numbers, plus a configtest mode that reports every problem),
 * and the lookup of a config name in ldirectord's search directories. Name and file-system access go
 * through small interfaces so the parser can be tested without DNS or real log paths.
 */
package lvsdirector.config;
