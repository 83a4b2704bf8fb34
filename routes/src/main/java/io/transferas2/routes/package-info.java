/**
 * The beans the YAML route pack ({@code routes/*.camel.yaml}) uses for what YAML cannot say well: reading and checking
 * StartFileTransfer requests, the outbound bookkeeping around each file (source path, {@code processing/} marker,
 * failures before the send), EventBridge-shaped events, and the guard of the HTTP trigger. The routes themselves stay
 * in YAML, where users read and change them.
 */
package io.transferas2.routes;
