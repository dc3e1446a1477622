/**
 * A stand-in for Cassandra 3.11, for unit tests only: the classes, fields and method signatures cassmon reads by
 * reflection, shaped as in cassandra-all 3.11.19 (endpoints are {@code java.net.InetAddress}, the hints directory a
 * {@code java.io.File}), which no test here can run for real (3.11 needs Java 8). Checked against the real jar with
 * {@code javap}; state is set by the tests through the {@code fake*} statics.
 */
package org.apache.cassandra;
