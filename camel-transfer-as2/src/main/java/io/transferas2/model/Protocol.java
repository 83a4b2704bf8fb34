package io.transferas2.model;

/** Server protocols, AWS `Protocol`. Only AS2 is served here; the others are accepted so describe-server output loads. */
public enum Protocol {
    SFTP, FTP, FTPS, AS2
}
