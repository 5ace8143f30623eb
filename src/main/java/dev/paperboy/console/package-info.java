/**
 * The operator's web console at {@code /admin}: a login with the admin token, a dashboard, subscriber lookup and
 * the runs an operator starts by hand. Pages only; every number and action comes from the capability that owns
 * it (subscribers, ingest, digests, mail, the paper index).
 */
package dev.paperboy.console;
