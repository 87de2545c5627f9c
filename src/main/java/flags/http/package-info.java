/**
 * Behind the door, and a learner need not open it: what makes HTTP safe for both clients (OkHttp and the JDK's),
 * from framing, codings and stray answers to redirects, proxies, TLS and stale connections.
 */
package flags.http;
